package dev.copbot.core.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the store lives. With no JDBC URL it is an SQLite file in the data directory (nothing to install); a
 * {@code jdbc:postgresql:} URL selects a shared PostgreSQL server. {@code schema} isolates tests on a shared server.
 */
public record DatabaseSettings(Path dataDir, Optional<String> url, Optional<String> user, Optional<String> password,
                               Optional<String> schema) {

    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(dataDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public String jdbcUrl() {
        return url.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("copbot.db").toAbsolutePath().normalize());
    }

    /** The URL without credentials, for logs. */
    public String describe() {
        String u = jdbcUrl();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }
}
