package dev.copbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every store must guarantee, on SQLite and PostgreSQL alike. */
abstract class StoreScenarios {
    @TempDir
    Path tmp;
    Database db;

    abstract Database open(Path dir);

    abstract void dispose(Database database);

    @BeforeEach
    void start() {
        db = open(tmp);
    }

    @AfterEach
    void stop() {
        dispose(db);
    }

    @Test
    void migrationsCreateTheSchema() {
        assertThat(db.count("SELECT COUNT(*) FROM communities")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM skills")).isZero();
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> db.transaction(() -> {
            db.update("INSERT INTO communities (name, created_by, created_at) VALUES ('half', 'console:admin', 1)");
            db.update("INSERT INTO memberships (community, user_id, joined_at) VALUES ('half', 'console:alice', 1)");
            throw new IllegalStateException("crash between two writes");
        })).hasMessageContaining("crash");
        assertThat(db.count("SELECT COUNT(*) FROM communities")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM memberships")).isZero();
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        assertThatThrownBy(() -> db.transaction(() -> {
            db.transaction(() -> db.update(
                    "INSERT INTO communities (name, created_by, created_at) VALUES ('inner', 'console:admin', 1)"));
            throw new IllegalStateException("outer fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.count("SELECT COUNT(*) FROM communities")).isZero();
    }

    @Test
    void foreignKeysAreEnforced() {
        assertThatThrownBy(() -> db.update(
                "INSERT INTO memberships (community, user_id, joined_at) VALUES ('nowhere', 'console:alice', 1)"))
                .isInstanceOf(StoreException.class);
    }
}
