package dev.copbot.app.cli;

import dev.copbot.app.backup.EmbeddedStore;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent copy of the embedded store to FILE, while the bot runs (SQLite's VACUUM INTO).",
                "The search index is not copied: it is rebuilt from the store after a restore.",
                "A PostgreSQL store is backed up with pg_dump instead."})
public final class BackupCommand extends BackupFileCommand {

    @Override
    public Integer call() {
        Optional<EmbeddedStore> store = common.embeddedStore("backup", "back it up with pg_dump, e.g. "
                + "pg_dump --format=custom --file=copbot.dump \"$DATABASE\", and restore with pg_restore. "
                + "The search index needs no backup: it is rebuilt from the store.");
        if (store.isEmpty()) {
            return 2;
        }
        long start = System.nanoTime();
        EmbeddedStore.Counts counts = store.get().backup(file);
        System.out.printf("Backed up %s to %s (%s) in %.1f s.%n", store.get().file(), file, counts,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
