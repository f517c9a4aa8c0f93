package dev.copbot.core.history;

import dev.copbot.core.store.Database;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an import stands, in the store: per file, its fingerprint and how many of its entries are stored. Callers
 * write it in the same transaction as the data it describes.
 */
final class ImportProgress {
    public record FileState(String fingerprint, long position, boolean done) {}

    private final Database db;

    public ImportProgress(Database db) {
        this.db = db;
    }

    public Optional<FileState> file(String source, String file) {
        return db.queryOne("SELECT fingerprint, position, done FROM import_files WHERE source = ? AND file = ?",
                rs -> new FileState(rs.getString(1), rs.getLong(2), rs.getInt(3) == 1), source, file);
    }

    /**
     * Records how far a file got. For the same file content progress only moves forward: a second import of the same
     * export running behind the first (two replicas at once) must not set it back, or a crash then re-reads more.
     */
    public void record(String source, String file, FileState state, Instant at) {
        db.update("""
                INSERT INTO import_files (source, file, fingerprint, position, done, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, file) DO UPDATE SET fingerprint = excluded.fingerprint, position = excluded.position,
                    done = excluded.done, updated_at = excluded.updated_at
                WHERE import_files.fingerprint <> excluded.fingerprint OR (import_files.done = 0
                    AND (excluded.done = 1 OR excluded.position > import_files.position))""",
                source, file, state.fingerprint(), state.position(), state.done() ? 1 : 0, at.toEpochMilli());
    }
}
