package dev.copbot.app.backup;

import dev.copbot.app.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.sqlite.SQLiteConfig;

/**
 * Backups of the embedded (SQLite) store. A backup is SQLite's {@code VACUUM INTO}: a consistent snapshot taken while
 * the bot runs and writes (readers never block in WAL mode), compacted, in one file. A restore replaces the store
 * with such a file, and refuses while anything holds the data directory: every copbot process that opens it (the bot,
 * import, reindex, the console) holds the search index's lock, {@code index/write.lock}, an OS file lock that dies
 * with the process (one working beside a running bot holds a {@link BesideLocks} lock instead). The restore takes that lock itself for its duration, keeps the replaced store beside it, and
 * empties the index, which the next start rebuilds from the restored store.
 */
public final class EmbeddedStore {
    /** Tables a backup must have, and whose rows a restore reports. */
    static final List<String> COUNTED = List.of("messages", "events", "kudos", "communities", "users");

    private final Path file;
    private final Path dataDir;

    private EmbeddedStore(Path file, Path dataDir) {
        this.file = file;
        this.dataDir = dataDir;
    }

    /** The embedded store of these settings, or empty when the store is PostgreSQL. */
    public static Optional<EmbeddedStore> of(Settings settings) {
        String url = settings.database().jdbcUrl();
        if (!url.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Optional.of(new EmbeddedStore(Path.of(query < 0 ? path : path.substring(0, query)), settings.dataDir()));
    }

    public Path file() {
        return file;
    }

    /** Row counts of a backup or a store: what a restore brings back. */
    public record Counts(long messages, long events, long kudos, long communities, long users) {
        @Override
        public String toString() {
            return messages + " messages, " + events + " events, " + kudos + " kudos, " + communities
                    + " communities, " + users + " people";
        }
    }

    /** Writes a consistent snapshot of the store to {@code target} (which must not exist); returns what it holds. */
    public Counts backup(Path target) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("there is no store at " + file + " to back up");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new IllegalStateException(target + " exists already: choose a new file (a backup never overwrites)");
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(partial);
            try (Connection c = open(file, false); Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            }
            Counts counts = verify(partial);
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    /**
     * Replaces the store with {@code backup}, after checking it is a whole copbot store. Refuses while another process
     * uses the data directory. Returns what the restored store holds and where the replaced one was kept.
     */
    public Restored restore(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException("there is no backup file " + backup);
        }
        Counts counts;
        try {
            counts = verify(backup);
        } catch (SQLException e) {
            throw new IllegalStateException(backup + " is not a copbot backup: " + e.getMessage(), e);
        }
        Path index = dataDir.resolve("index");
        try {
            Files.createDirectories(index);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Directory dir = FSDirectory.open(index);
                 Lock lock = NativeFSLockFactory.INSTANCE.obtainLock(dir, IndexWriter.WRITE_LOCK_NAME)) {
                lock.ensureValid();
                if (BesideLocks.anyHeld(dir, index)) {
                    throw new LockObtainFailedException("an import or console beside the bot still runs");
                }
                Optional<Path> kept = Optional.empty();
                if (Files.exists(file)) {
                    Path old = file.resolveSibling(file.getFileName() + ".before-restore-"
                            + Instant.now().toString().replace(":", "").replace(".", ""));
                    Files.move(file, old);
                    kept = Optional.of(old);
                }
                for (String suffix : List.of("-wal", "-shm", "-journal")) {
                    Path side = file.resolveSibling(file.getFileName() + suffix);
                    if (kept.isPresent() && Files.exists(side)) {
                        Files.move(side, kept.get().resolveSibling(kept.get().getFileName() + suffix));
                    } else {
                        Files.deleteIfExists(side);
                    }
                }
                Path partial = file.resolveSibling(file.getFileName() + ".restoring");
                Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                emptyExceptLock(index);
                return new Restored(counts, kept);
            }
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the data directory " + dataDir + " is in use (a running bot, import, "
                    + "reindex or console holds " + index.resolve(IndexWriter.WRITE_LOCK_NAME) + "): stop it first; "
                    + "nothing was changed");
        } catch (IOException e) {
            throw new UncheckedIOException("the restore failed", e);
        }
    }

    public record Restored(Counts counts, Optional<Path> previous) {}

    /** Opens the file read-only and checks it: intact, a copbot schema, and the rows it holds. */
    static Counts verify(Path store) throws SQLException {
        try (Connection c = open(store, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new SQLException("integrity check: " + result);
                }
            }
            long[] n = new long[COUNTED.size()];
            for (int i = 0; i < n.length; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + COUNTED.get(i))) {
                    n[i] = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new Counts(n[0], n[1], n[2], n[3], n[4]);
        }
    }

    private static Connection open(Path store, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath(), config.toProperties());
    }

    private static void emptyExceptLock(Path index) throws IOException {
        try (Stream<Path> all = Files.walk(index)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(index) && !p.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.delete(p);
                }
            }
        }
    }
}
