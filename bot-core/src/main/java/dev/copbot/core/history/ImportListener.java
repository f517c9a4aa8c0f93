package dev.copbot.core.history;

/** Hears how an import goes: for a progress bar, periodic lines, or a test. */
public interface ImportListener {
    /** The files were checked: {@code entries} message entries in {@code files} files are to be read. */
    void planned(int files, long entries);

    /** After each committed batch. */
    void progressed(int filesDone, long entriesDone, long messagesImported);

    /** A problem or a notice, as one line naming the file. */
    void problem(String line);

    ImportListener SILENT = new ImportListener() {
        @Override
        public void planned(int files, long entries) {}

        @Override
        public void progressed(int filesDone, long entriesDone, long messagesImported) {}

        @Override
        public void problem(String line) {}
    };
}
