package dev.copbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.StoreKind;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.POSTGRES;
    }

    @Test
    void runsOnPostgres() {
        assertThat(db.kind()).isEqualTo(Database.Kind.POSTGRESQL);
        assertThat(db.queryOne("SELECT version()", rs -> rs.getString(1)).orElseThrow()).startsWith("PostgreSQL");
    }
}
