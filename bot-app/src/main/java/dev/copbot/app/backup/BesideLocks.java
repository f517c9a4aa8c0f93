package dev.copbot.app.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;

/**
 * A process that works beside a running bot (an import, a console) does not hold the index's write lock, which the
 * bot holds; it holds a lock file of its own in the index directory instead, so that a restore still finds the data
 * directory in use when the bot has stopped and it has not. OS file locks, like the index's: they die with the process.
 */
public final class BesideLocks {
    private static final String PREFIX = "beside-";
    private static final String SUFFIX = ".lock";

    private BesideLocks() {}

    /** Takes a lock of this process's own; close it to release it. */
    public static AutoCloseable hold(Path indexDir) {
        String name = PREFIX + ProcessHandle.current().pid() + "-" + System.nanoTime() + SUFFIX;
        try {
            Directory dir = FSDirectory.open(indexDir);
            Lock lock = NativeFSLockFactory.INSTANCE.obtainLock(dir, name);
            return () -> {
                lock.close();
                dir.deleteFile(name);
                dir.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take a lock in " + indexDir, e);
        }
    }

    /**
     * For a bot whose index is elsewhere (OpenSearch): holds the index directory's write lock all the same, as the
     * embedded index would, so imports, consoles, reindex and restore see a bot running on this data directory.
     */
    public static AutoCloseable holdAsRunningBot(Path indexDir) {
        try {
            Directory dir = FSDirectory.open(indexDir);
            Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            return () -> {
                lock.close();
                dir.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock in " + indexDir + " (is a bot running on it?)", e);
        }
    }

    /** True while another process holds a beside lock here; lock files a killed process left are removed. */
    static boolean anyHeld(Directory dir, Path indexDir) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(indexDir)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX)).toList();
        }
        for (String name : names) {
            try (Lock stale = NativeFSLockFactory.INSTANCE.obtainLock(dir, name)) {
                stale.ensureValid();
            } catch (LockObtainFailedException held) {
                return true;
            }
            Files.deleteIfExists(indexDir.resolve(name));
        }
        return false;
    }
}
