package dev.copbot.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: a pooled JDBC data source, migrated by Flyway on open. Statements run inside the current
 * {@link #transaction} when there is one (same thread), else each on its own, so a command's writes are all-or-nothing.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    public enum Kind { SQLITE, POSTGRESQL }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Kind kind;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<TransactionHooks> hooks = new ThreadLocal<>();
    private final ChangeLog changes;

    private Database(HikariDataSource dataSource, Kind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.changes = new ChangeLog(this);
    }

    public static Database open(DatabaseSettings settings) {
        String url = settings.jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setPoolName("copbot-store");
        Kind kind;
        if (url.startsWith("jdbc:sqlite:")) {
            kind = Kind.SQLITE;
            try {
                Files.createDirectories(settings.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
            }
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(10_000);
            // Take the write lock when a transaction starts, so two writers queue instead of failing on upgrade.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(sqlite);
            ds.setUrl(url);
            config.setDataSource(ds);
            config.setMaximumPoolSize(4);
        } else if (url.startsWith("jdbc:postgresql:")) {
            kind = Kind.POSTGRESQL;
            config.setJdbcUrl(url);
            settings.user().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
            settings.schema().ifPresent(config::setSchema);
            config.setMaximumPoolSize(8);
            // A network cut nobody reports (no RST) would hold a read until TCP gives up, which can take hours: a
            // read that hears nothing for this long fails as a lost connection, and reads run again on a new one.
            // Parameters in the URL (e.g. ?socketTimeout=600 for a long report) win over these.
            config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
            config.addDataSourceProperty("tcpKeepAlive", "true");
        } else {
            throw new IllegalArgumentException("unsupported database URL " + settings.describe()
                    + ": use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            settings.schema().ifPresent(s -> flyway.schemas(s).createSchemas(true));
            Flyway loaded = flyway.load();
            var result = loaded.migrate();
            var current = loaded.info().current();
            log.info("store {} ready at schema version {} ({} migrations applied now)", settings.describe(),
                    current == null ? "none" : current.getVersion(), result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, kind);
    }

    /** How long a PostgreSQL read may hear nothing (see where the pool is set up). */
    static final int SOCKET_TIMEOUT_SECONDS = 120;

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The log of changes the search index follows; one per store, so local commits wake local followers. */
    public ChangeLog changes() {
        return changes;
    }

    /** True on a thread inside {@link #transaction}. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    /** Runs {@code hook} in the current transaction just before it commits, after the work (in registration order). */
    public void beforeCommit(Runnable hook) {
        requireHooks().beforeCommit().add(hook);
    }

    /** Runs {@code hook} on this thread once the current transaction has committed (not when it rolls back). */
    public void afterCommit(Runnable hook) {
        requireHooks().afterCommit().add(hook);
    }

    /** State kept for the current transaction only, created on first use (e.g. the changes to log at its commit). */
    @SuppressWarnings("unchecked")
    public <T> T attached(Object key, Supplier<T> create) {
        return (T) requireHooks().attached().computeIfAbsent(key, k -> create.get());
    }

    private TransactionHooks requireHooks() {
        TransactionHooks h = hooks.get();
        if (h == null) {
            throw new IllegalStateException("not inside a transaction");
        }
        return h;
    }

    private record TransactionHooks(List<Runnable> beforeCommit, List<Runnable> afterCommit,
                                    Map<Object, Object> attached) {
        TransactionHooks() {
            this(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. When the connection
     * turns out to be gone before the commit (the server restarted), the server has rolled the transaction back, so it
     * runs once more on a new connection; a commit whose answer was lost is not retried, since it may have committed.
     */
    public <T> T transaction(Work<T> work) {
        Connection outer = current.get();
        if (outer != null) {
            return call(work, outer);
        }
        TransactionHooks h = new TransactionHooks();
        T result;
        try {
            result = attempt(work, h);
        } catch (CommitFailed | NoConnection e) {
            throw e;
        } catch (RuntimeException e) {
            if (!reconnect(e)) {
                throw e;
            }
            h = new TransactionHooks();
            result = attempt(work, h);
        }
        h.afterCommit().forEach(Runnable::run);
        return result;
    }

    private <T> T attempt(Work<T> work, TransactionHooks h) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            current.set(c);
            hooks.set(h);
            try {
                T result = work.run(c);
                // A hook may add hooks (the change log registers its own on first use): index, not iterator.
                for (int i = 0; i < h.beforeCommit().size(); i++) {
                    h.beforeCommit().get(i).run();
                }
                try {
                    c.commit();
                } catch (SQLException e) {
                    throw new CommitFailed(e);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                current.remove();
                hooks.remove();
                resetAutoCommit(c);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Before the connection goes back to the pool; on a lost one it fails, and the pool drops that one anyway. */
    private static void resetAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException lost) {
            log.debug("could not reset a connection: {}", lost.getMessage());
        }
    }

    /** A rollback on a lost connection fails too; the first failure is the one to report. */
    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * True when {@code failure} says the connection was lost: every pooled connection came from the same server
     * session, so all are let go (the pool would otherwise hand out more dead ones it checked a moment ago).
     */
    private boolean reconnect(RuntimeException failure) {
        if (!ConnectionLoss.lost(failure)) {
            return false;
        }
        log.warn("the store's connection was lost ({}): reconnecting and running the work again", failure.getMessage());
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) {
            pool.softEvictConnections();
        }
        return true;
    }

    /** The pool had no connection to give within its timeout (the server is down): waiting again would double it. */
    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new NoConnection(e);
        }
    }

    private static final class NoConnection extends StoreException {
        NoConnection(SQLException cause) {
            super(cause);
        }
    }

    /** The commit itself failed: it may have committed before the answer was lost, so it is not run again. */
    private static final class CommitFailed extends StoreException {
        CommitFailed(SQLException cause) {
            super(cause);
        }
    }

    public void transaction(Runnable work) {
        transaction(c -> {
            work.run();
            return null;
        });
    }

    public int update(String sql, Object... params) {
        return run(false, c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        return run(true, c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
        List<T> all = query(sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public long count(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    private <T> T run(boolean reads, Work<T> work) {
        Connection c = current.get();
        if (c != null) {
            return call(work, c);
        }
        try {
            return runAlone(work);
        } catch (NoConnection e) {
            throw e;
        } catch (StoreException e) {
            // A write whose connection broke mid-way may have committed: only one that never ran goes again.
            if ((reads || ConnectionLoss.neverRan(e)) && reconnect(e)) {
                return runAlone(work);
            }
            throw e;
        }
    }

    private <T> T runAlone(Work<T> work) {
        try (Connection fresh = connection()) {
            return work.run(fresh);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static <T> T call(Work<T> work, Connection c) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @Override
    public void close() {
        changes.close();
        dataSource.close();
    }
}
