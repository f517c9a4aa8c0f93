package dev.copbot.app.cli;

import dev.copbot.app.backup.EmbeddedStore;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the embedded store with a backup written by 'copbot backup'.",
                "Refuses while a bot (or import, reindex, console) uses the data directory; the replaced store is kept",
                "beside it as copbot.db.before-restore-<time>, and the search index is rebuilt at the next start."})
public final class RestoreCommand extends BackupFileCommand {

    @Override
    public Integer call() {
        Optional<EmbeddedStore> store = common.embeddedStore("restore", "restore a pg_dump with pg_restore instead.");
        if (store.isEmpty()) {
            return 2;
        }
        EmbeddedStore.Restored restored = store.get().restore(file);
        System.out.printf("Restored %s from %s (%s).%s The search index is rebuilt when the bot starts.%n",
                store.get().file(), file, restored.counts(),
                restored.previous().map(p -> " The previous store is kept as " + p + ".").orElse(""));
        return 0;
    }
}
