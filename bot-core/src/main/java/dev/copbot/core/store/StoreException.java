package dev.copbot.core.store;

import java.sql.SQLException;

/** The store failed (disk, connection, constraint). Logged in full; users see only a reference. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
