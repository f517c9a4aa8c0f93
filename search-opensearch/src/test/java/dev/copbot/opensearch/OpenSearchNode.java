package dev.copbot.opensearch;

import dev.copbot.core.discussion.Ranking;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSearch node for the tests: the build starts one with {@code scripts/opensearch.sh} (Maven Central's
 * integ-test zip plus analysis-common, on 127.0.0.1, as a non-root user when the build runs as root) on a port and
 * in a directory of its own, once per test JVM, and stops it when the JVM ends. {@code COPBOT_TEST_OPENSEARCH_URL}
 * points the tests at a node already running instead. Where no node can start, the tests are skipped with the
 * reason printed, except on CI ({@code CI=true}), where they fail.
 */
public final class OpenSearchNode {
    static final int PORT = 9251;
    private static final AtomicInteger INDEXES = new AtomicInteger();
    private static URI url;
    private static String failure;
    /** Stops the node this JVM started; null when it uses a node someone else runs. */
    private static Runnable stopNode;

    private OpenSearchNode() {}

    /** The node's URL, starting it on first use; skips (or on CI fails) the calling test when it cannot. */
    public static synchronized URI url() {
        if (url == null && failure == null) {
            start();
            // At the JVM's end: the tests' indexes go (a node that lives on does not fill up run after run), then
            // the node this JVM started, if it did. One hook, so the node is not stopped under the deletions.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dropCreated();
                if (stopNode != null) {
                    stopNode.run();
                }
            }));
        }
        if (failure != null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true and OpenSearch could not start: " + failure);
            }
            System.out.println("SKIPPED: OpenSearch tests skipped: " + failure);
            Assumptions.abort(failure);
        }
        return url;
    }

    /** A new, empty index on the node, named for the test. */
    public static OpenSearchIndex newIndex(String purpose) {
        String name = "copbot-test-" + purpose.toLowerCase() + "-" + ProcessHandle.current().pid() + "-"
                + INDEXES.incrementAndGet();
        synchronized (CREATED) {
            CREATED.add(name);
        }
        return OpenSearchIndex.connect(url(), null, null, name, Ranking.defaults());
    }

    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    private static void dropCreated() {
        synchronized (CREATED) {
            for (String name : CREATED) {
                if (url == null) {
                    return;
                }
                try (OpenSearchIndex index = OpenSearchIndex.connect(url, null, null, name, Ranking.defaults())) {
                    index.drop();
                } catch (RuntimeException e) {
                    // the node is gone already: its data goes with it
                }
            }
        }
    }

    /**
     * One index on the node for several replicas: the first call creates it, each later one connects to it again
     * (a connection of its own, as another machine would have).
     */
    public static java.util.function.Supplier<OpenSearchIndex> shared(String purpose) {
        String[] name = {null};
        return () -> {
            if (name[0] == null) {
                OpenSearchIndex first = newIndex(purpose);
                name[0] = first.indexName();
                return first;
            }
            return OpenSearchIndex.connect(url(), null, null, name[0], Ranking.defaults());
        };
    }

    private static void start() {
        String given = System.getenv("COPBOT_TEST_OPENSEARCH_URL");
        if (given != null && !given.isBlank()) {
            url = URI.create(given);
            if (!answers(url)) {
                failure = "COPBOT_TEST_OPENSEARCH_URL=" + given + " does not answer";
                url = null;
            }
            return;
        }
        URI local = URI.create("http://127.0.0.1:" + PORT);
        if (answers(local)) {
            url = local; // left running by an earlier build that was killed: use it, and leave it
            return;
        }
        Path script = repositoryRoot().resolve("scripts/opensearch.sh");
        try {
            Path log = Files.createTempFile("copbot-opensearch-start", ".log");
            ProcessBuilder start = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            environment(start);
            Process p = start.start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                failure = script + " start failed: " + tail(log);
                return;
            }
            url = local;
            stopNode = () -> {
                try {
                    ProcessBuilder stop = new ProcessBuilder("bash", script.toString(), "stop")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    environment(stop);
                    stop.start().waitFor(90, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    // the JVM is ending: nothing else to do
                }
            };
        } catch (IOException e) {
            failure = "cannot run " + script + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while starting OpenSearch";
        }
    }

    /** A port and home of its own, so a node started by hand on 9200 for benchmarks is left alone. */
    private static void environment(ProcessBuilder pb) {
        pb.environment().put("OPENSEARCH_PORT", Integer.toString(PORT));
        pb.environment().put("OPENSEARCH_HOME_DIR", "/var/tmp/copbot-opensearch-test");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/opensearch.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/opensearch.sh not found above " + new File("").getAbsolutePath());
        }
        return dir;
    }

    static boolean answers(URI base) {
        try {
            HttpURLConnection c = (HttpURLConnection) base.resolve("/_cluster/health").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }
}
