package dev.copbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.StoreKind;
import dev.copbot.core.testing.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }

    @Test
    void usesWriteAheadLogging() {
        assertThat(db.kind()).isEqualTo(Database.Kind.SQLITE);
        assertThat(db.queryOne("PRAGMA journal_mode", rs -> rs.getString(1))).contains("wal");
    }

    @Test
    void receiptsSurviveARestart() {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(new Receipts(db).firstTime("slack:T1", "Ev9", at)).isTrue();
        db.close();
        db = TestDatabases.sqlite(tmp);
        assertThat(new Receipts(db).firstTime("slack:T1", "Ev9", at.plusSeconds(5))).isFalse();
    }
}
