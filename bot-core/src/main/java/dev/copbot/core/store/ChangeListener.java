package dev.copbot.core.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on a connection of its own (a pooled one would be handed to others and lose the subscription),
 * waking followers whenever any replica commits a change. When the connection breaks (PostgreSQL restarted), it
 * reconnects at once (then every second while the server does not answer) and wakes them once, since notifications
 * sent meanwhile are lost; the followers' polling covers the gap.
 */
final class ChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 1_000;
    /** After this long without a notification, check that the connection still answers. */
    private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private ChangeListener(HikariDataSource pool, Runnable wake) {
        this.pool = pool;
        this.wake = wake;
        this.thread = Thread.ofPlatform().daemon().name("copbot-change-listener").unstarted(this::loop);
    }

    static ChangeListener start(Database db, Runnable wake) {
        ChangeListener l = new ChangeListener((HikariDataSource) db.dataSource(), wake);
        l.thread.start();
        return l;
    }

    private void loop() {
        boolean failing = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ChangeLog.CHANNEL);
                }
                if (failing) {
                    log.info("listening for changes again");
                    failing = false;
                }
                wake.run(); // anything committed while we were not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                long heard = System.nanoTime();
                while (!closed) {
                    var notes = pg.getNotifications(WAIT_MILLIS);
                    if (notes != null && notes.length > 0) {
                        wake.run();
                        heard = System.nanoTime();
                    } else if (System.nanoTime() - heard > CHECK_AFTER_NANOS) {
                        // A connection cut without a word (a dropped route) would wait here forever: ask now and then.
                        if (!c.isValid(CHECK_TIMEOUT_SECONDS)) {
                            throw new SQLException("the notifications connection stopped answering", "08006");
                        }
                        heard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    // Ended sessions (a restart, a failover) usually meet a server that answers at once: no wait.
                    log.warn("lost the change notifications ({}): reconnecting, polling meanwhile", e.getMessage());
                    failing = true;
                    continue;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // unblocks getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
