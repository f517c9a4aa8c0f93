package dev.copbot.core.testing;

import dev.copbot.core.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario class that runs on each store: a subclass per store says which ({@link #kind()}); the store is opened
 * before each test (before the subclass's own set-up) and disposed of after it (after the subclass's tear-down).
 */
public abstract class OnEachStore {
    @TempDir
    protected Path tmp;
    protected Database db;

    /** Which store this run of the scenarios uses. */
    protected abstract StoreKind kind();

    protected Database open(Path dir) {
        return kind().open(dir);
    }

    /** The same store as a restarted process sees it. */
    protected Database reopen(Database old, Path dir) {
        return kind().reopen(old, dir);
    }

    protected void dispose(Database database) {
        kind().dispose(database);
    }

    @BeforeEach
    final void openStore() {
        db = open(tmp);
    }

    @AfterEach
    final void disposeStore() {
        dispose(db);
    }
}
