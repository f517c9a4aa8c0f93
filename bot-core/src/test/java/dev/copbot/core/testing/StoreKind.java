package dev.copbot.core.testing;

import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The two stores every store-backed scenario runs on. A scenario class asks its subclass which kind it is; opening
 * PostgreSQL skips (or fails, with COPBOT_REQUIRE_POSTGRES=1) when no server answers, see {@link TestDatabases}.
 */
public enum StoreKind {
    SQLITE {
        @Override
        public Database open(Path dir) {
            return TestDatabases.sqlite(dir);
        }

        @Override
        public Database reopen(Database old, Path dir) {
            old.close();
            return TestDatabases.sqlite(dir);
        }

        @Override
        public Database another(Database first, Path dir) {
            return TestDatabases.sqlite(dir);
        }

        @Override
        void release(Database db) {
            db.close();
        }
    },
    POSTGRES {
        @Override
        public Database open(Path dir) {
            return TestDatabases.postgres();
        }

        @Override
        public Database reopen(Database old, Path dir) {
            Database again = another(old, dir);
            old.close();
            return again;
        }

        @Override
        public Database another(Database first, Path dir) {
            String schema;
            try (Connection c = first.dataSource().getConnection()) {
                schema = c.getSchema();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Database.open(new DatabaseSettings(Path.of("target"), Optional.of(TestDatabases.POSTGRES_URL),
                    Optional.of(TestDatabases.POSTGRES_USER), Optional.empty(), Optional.of(schema)));
        }

        @Override
        void release(Database db) {
            TestDatabases.dropSchema(db);
            db.close();
        }
    };

    /** A fresh store (SQLite in {@code dir}, or a schema of its own on the PostgreSQL server). */
    public abstract Database open(Path dir);

    /** Closes the store and opens the same data again, as a restarted process would. */
    public abstract Database reopen(Database old, Path dir);

    /** The same store opened a second time, as another replica (another process) would; close it, don't dispose it. */
    public abstract Database another(Database first, Path dir);

    /**
     * Closes the store and removes what {@link #open} created on a shared server. Nothing to do when it never opened
     * (the server was unreachable and the test was skipped).
     */
    public void dispose(Database db) {
        if (db != null) {
            release(db);
        }
    }

    abstract void release(Database db);
}
