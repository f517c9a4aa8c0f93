package dev.copbot.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.copbot.core.history.ImportListener;
import dev.copbot.core.history.ImportSummary;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How an import shows its progress: a progress bar (files, messages, rate, time left) on a terminal, a plain line
 * every few seconds otherwise (logs, CI, a pipe), and problems as lines of their own.
 */
abstract class ImportView implements ImportListener, AutoCloseable {
    static final long PLAIN_EVERY_NANOS = 2_000_000_000L;

    protected final PrintStream out;
    protected int files;
    protected long entries;

    ImportView(PrintStream out) {
        this.out = out;
    }

    static ImportView forThisTerminal(PrintStream out) {
        return isTerminal() ? new Bar(out) : new Lines(out);
    }

    /** JDK 22+ has a console even when redirected; then only Console.isTerminal() tells (called by name: we build for 21). */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }

    @Override
    public void planned(int files, long entries) {
        this.files = files;
        this.entries = entries;
    }

    @Override
    public void problem(String line) {
        out.println("warning: " + line);
    }

    @Override
    public void close() {}

    static String json(ImportSummary summary) {
        try {
            return new ObjectMapper().writeValueAsString(summary.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Bar extends ImportView {
        private ProgressBar bar;

        Bar(PrintStream out) {
            super(out);
        }

        @Override
        public void planned(int files, long entries) {
            super.planned(files, entries);
            bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(Math.max(1, entries))
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" msgs", 1).showSpeed()
                    .setUpdateIntervalMillis(250).build();
        }

        @Override
        public void progressed(int filesDone, long entriesDone, long messagesImported) {
            if (bar != null) {
                bar.stepTo(entriesDone);
                bar.setExtraMessage(String.format(Locale.ROOT, "files %d/%d, %,d new", filesDone, files, messagesImported));
            }
        }

        @Override
        public void problem(String line) {
            if (bar != null) {
                out.print("\r\033[K"); // the line goes above the bar, which redraws itself below
            }
            super.problem(line);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static final class Lines extends ImportView {
        private final long started = System.nanoTime();
        private long last = started;

        Lines(PrintStream out) {
            super(out);
        }

        @Override
        public void planned(int files, long entries) {
            super.planned(files, entries);
            out.printf(Locale.ROOT, "import: %,d messages in %,d files to read%n", entries, files);
        }

        @Override
        public void progressed(int filesDone, long entriesDone, long messagesImported) {
            long now = System.nanoTime();
            if (now - last < PLAIN_EVERY_NANOS && entriesDone < entries) {
                return;
            }
            last = now;
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? entriesDone / seconds : 0;
            long left = rate > 0 ? Math.round((entries - entriesDone) / rate) : 0;
            out.printf(Locale.ROOT, "import: %3d%%  %,d of %,d messages, %d of %d files, %,d new, %,.0f messages/s, "
                    + "about %d s left%n", entries == 0 ? 100 : entriesDone * 100 / entries, entriesDone, entries, filesDone,
                    files, messagesImported, rate, left);
        }
    }
}
