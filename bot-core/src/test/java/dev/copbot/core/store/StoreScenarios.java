package dev.copbot.core.store;

import dev.copbot.core.testing.OnEachStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.copbot.core.testing.StoreKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every store must guarantee, on SQLite and PostgreSQL alike. */
abstract class StoreScenarios extends OnEachStore {
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

    @Test
    void aReceiptIsFirstOnlyOncePerSourceAndId() {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        Receipts receipts = new Receipts(db);
        assertThat(receipts.firstTime("slack:T1", "Ev1", at)).isTrue();
        assertThat(receipts.firstTime("slack:T1", "Ev1", at.plusSeconds(60))).as("the retry").isFalse();
        assertThat(new Receipts(db).firstTime("slack:T1", "Ev1", at)).as("another replica").isFalse();
        assertThat(receipts.firstTime("slack:T2", "Ev1", at)).as("same id, other workspace").isTrue();
        assertThat(receipts.firstTime("slack:T1", "Ev2", at)).isTrue();

        assertThat(receipts.prune(at.plus(Duration.ofHours(3)), Duration.ofHours(2))).isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM inbound_receipts")).isZero();
    }

    @Test
    void workThatFailsLeavesNoReceiptSoTheRedeliveryRunsIt() {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        Receipts receipts = new Receipts(db);
        assertThatThrownBy(() -> receipts.once("slack:T1", "Ev7", at, () -> {
            db.update("INSERT INTO communities (name, created_by, created_at) VALUES ('half', 'console:admin', 1)");
            throw new IllegalStateException("crash while handling");
        })).hasMessageContaining("crash");
        assertThat(db.count("SELECT COUNT(*) FROM communities")).isZero();

        int[] runs = {0};
        assertThat(receipts.once("slack:T1", "Ev7", at, () -> runs[0]++)).isTrue();
        assertThat(receipts.once("slack:T1", "Ev7", at, () -> runs[0]++)).isFalse();
        assertThat(runs[0]).isEqualTo(1);
    }
}
