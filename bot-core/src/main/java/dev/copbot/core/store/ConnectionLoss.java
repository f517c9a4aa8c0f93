package dev.copbot.core.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Failures that mean the server connection is gone (PostgreSQL restarted, failed over, or ended our sessions) rather
 * than that the statement was wrong: the work can go again on a new connection.
 */
final class ConnectionLoss {
    private ConnectionLoss() {}

    /** Any connection failure: SQLSTATE class 08, or the server ending the session (57P01 to 57P03). */
    static boolean lost(Throwable failure) {
        return state(failure).filter(s -> s.startsWith("08") || s.startsWith("57P0")).isPresent();
    }

    /**
     * The statement cannot have run: the server had ended the session (57P0x: it aborts what was running, it never
     * half-commits), or the connection was closed before anything was sent (08003). Unlike an I/O error mid-way, where
     * an autocommitted write may have committed before its answer was lost.
     */
    static boolean neverRan(Throwable failure) {
        return state(failure).filter(s -> s.equals("08003") || s.startsWith("57P0")).isPresent();
    }

    private static Optional<String> state(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return Optional.of(e.getSQLState());
            }
        }
        return Optional.empty();
    }
}
