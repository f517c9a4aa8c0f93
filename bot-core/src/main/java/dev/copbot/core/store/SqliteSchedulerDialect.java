package dev.copbot.core.store;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import java.util.Optional;

/**
 * db-scheduler 16.7 knows no SQLite: its fallback dialect limits queries with ANSI {@code FETCH FIRST n ROWS ONLY},
 * which SQLite rejects. This is that fallback with SQLite's {@code LIMIT n}, storing timestamps as UTC (SQLite keeps
 * them as epoch milliseconds). Picking stays db-scheduler's optimistic update on the {@code version} column, which
 * SQLite's single writer lock serialises. (db-scheduler's main branch ships the same customization.)
 */
public final class SqliteSchedulerDialect extends DefaultJdbcCustomization {

    /** db-scheduler's dialect for a store: ours for SQLite (it has none), its own detection for PostgreSQL. */
    public static Optional<JdbcCustomization> forStore(Database db) {
        return db.kind() == Database.Kind.SQLITE ? Optional.of(new SqliteSchedulerDialect())
                : Optional.empty();
    }

    SqliteSchedulerDialect() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
