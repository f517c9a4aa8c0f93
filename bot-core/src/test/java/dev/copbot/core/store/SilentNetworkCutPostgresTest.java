package dev.copbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.TcpProxy;
import dev.copbot.core.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network cut that nobody reports: the store's connections go silent (no reset, no close), as behind a firewall
 * that drops a flow. A read must not wait for TCP to give up (hours): after the socket timeout it counts as a lost
 * connection, and runs again on a new one. The URL's {@code socketTimeout=2} stands in for the store's default of
 * two minutes, which the URL overrides.
 */
class SilentNetworkCutPostgresTest {
    TcpProxy proxy;
    Database db;
    String schema;

    @BeforeEach
    void start() throws Exception {
        TestDatabases.requirePostgres();
        URI server = URI.create(TestDatabases.POSTGRES_URL.substring("jdbc:".length()));
        proxy = new TcpProxy(server.getPort() < 0 ? 5432 : server.getPort());
        schema = "copbot_test_cut_" + ProcessHandle.current().pid();
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath() + "?socketTimeout=2";
        db = Database.open(new DatabaseSettings(Path.of("target"), Optional.of(url),
                Optional.of(TestDatabases.POSTGRES_USER), Optional.empty(), Optional.of(schema)));
    }

    @AfterEach
    void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void aReadOnASilentConnectionGivesUpAndRunsAgainOnANewOne() throws Exception {
        assertThat(db.count("SELECT COUNT(*) FROM messages")).isZero();

        proxy.freezeOpenConnections();
        long start = System.nanoTime();
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> db.count("SELECT COUNT(*) FROM messages"));
        assertThat(read.get(30, TimeUnit.SECONDS)).as("the read, run again on a new connection").isZero();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("waited for the socket timeout, not for TCP").isBetween(1.5, 20.0);

        assertThat(db.count("SELECT 41 + 1")).as("the store works on after the cut").isEqualTo(42);
        // Without the URL's parameter, every PostgreSQL store gets the default (the 2 s above show the URL wins).
        assertThat(((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getDataSourceProperties()).containsEntry("socketTimeout",
                Integer.toString(Database.SOCKET_TIMEOUT_SECONDS)).containsEntry("tcpKeepAlive", "true");
    }
}
