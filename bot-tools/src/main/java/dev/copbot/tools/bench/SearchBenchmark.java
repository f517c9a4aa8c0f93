package dev.copbot.tools.bench;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.discussion.IndexView;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchAnalyzer;
import dev.copbot.core.discussion.SearchRequest;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * {@code copbot bench search}: ingest N messages through the bot (durable store write + thread index), query them
 * through the full {@code /cop search} command, and do the same with plain Lucene (same analyzer, no bot layers) in
 * the same run, so the ratios compare like with like on this machine.
 */
public final class SearchBenchmark {
    private static final int BATCH = 5_000;
    private static final int WARMUP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 3;
    /** Results a /cop search page shows, and what the plain and OpenSearch yardsticks fetch. */
    private static final int PAGE = 5;

    /** Bytes allocated by this thread: the same figure every run, where the machine's timings are not. */
    private static final com.sun.management.ThreadMXBean ALLOCATION =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private final SyntheticWorkspace workspace = new SyntheticWorkspace();
    private final PrintStream out;
    private final Ranking ranking;
    private final HeapSampler heap = new HeapSampler();
    private final URI peer;

    public SearchBenchmark(PrintStream out) {
        this(out, Ranking.defaults(), null);
    }

    /**
     * {@code ranking}: what the bot's search ranks with (the defaults, or without some parts to measure them);
     * {@code peer}: a running OpenSearch to index the same threads into and time the same queries against, or null.
     */
    public SearchBenchmark(PrintStream out, Ranking ranking, URI peer) {
        this.ranking = ranking;
        this.out = out;
        this.peer = peer;
    }

    public void run(int messages, Path dir) throws Exception {
        heap.start();
        // One person runs every query: no rate limit, or the benchmark would measure the brake.
        Settings settings = new ConfigLoader(Map.of("COPBOT_SEARCHES_PER_MINUTE", "0")).load(Optional.empty(), Optional.of(dir));
        List<String> queries = workspace.queries(150, 50);
        try (BotRuntime runtime = BotRuntime.start(settings, ranking, Clock.systemUTC())) {
            CopBot bot = runtime.bot();
            BotIngest.enableChannels(bot);
            double botRate = ingestThroughBot(bot, messages);
            double plainRate = ingestPlain(messages, dir.resolve("plain-index"));
            out.printf(Locale.ROOT, "ingest   bot %,.0f msg/s (store + index)   plain Lucene %,.0f msg/s   ratio %.2f%n",
                    botRate, plainRate, botRate / plainRate);
            OpenSearchPeer openSearch = peer == null ? null : ingestPeer(messages);

            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")))) {
                IndexSearcher plain = new IndexSearcher(reader);
                plain.setSimilarity(new BM25Similarity(0.9f, 0.4f));
                QueryBuilder builder = new QueryBuilder(new SearchAnalyzer(false));
                Actor asker = Actor.of(BotIngest.user("U1000"), "bench");
                ChannelId where = BotIngest.channel("C100").id();
                long[][] botTimes = new long[2][];
                long[][] layer = new long[2][];
                long[][] lucene = new long[2][];
                long[][] peerTimes = new long[2][];
                long[][] peerTook = new long[2][];
                long[] allocated = new long[2];
                int[] commands = new int[2];
                for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
                    long[][] b = unmeasured(queries.size());
                    long[][] l = unmeasured(queries.size());
                    long[][] p = unmeasured(queries.size());
                    long[][] o = unmeasured(queries.size());
                    long[][] t = unmeasured(queries.size());
                    for (int i = 0; i < queries.size(); i++) {
                        String q = queries.get(i);
                        int kind = i < 150 ? 0 : 1;
                        long a0 = ALLOCATION.getCurrentThreadAllocatedBytes();
                        long t0 = System.nanoTime();
                        Reply reply = bot.run(Inbound.CommandInvoked.of(asker, where, "search " + q));
                        long t1 = System.nanoTime();
                        if (round >= WARMUP_ROUNDS) {
                            allocated[kind] += ALLOCATION.getCurrentThreadAllocatedBytes() - a0;
                            commands[kind]++;
                        }
                        plainSearch(plain, builder, q);
                        long t2 = System.nanoTime();
                        bot.discussions().search(asker.id(), SearchRequest.parse(q), 0, 5);
                        long t3 = System.nanoTime();
                        if (openSearch != null) {
                            long took = openSearch.search(q, PAGE);
                            o[kind][i] = System.nanoTime() - t3;
                            t[kind][i] = took * 1_000_000L;
                        }
                        if (!reply.ok()) {
                            throw new IllegalStateException("bench query failed: " + q + ": " + reply.text());
                        }
                        b[kind][i] = t1 - t0;
                        p[kind][i] = t2 - t1;
                        l[kind][i] = t3 - t2;
                    }
                    if (round >= WARMUP_ROUNDS) {
                        for (int k = 0; k < 2; k++) {
                            botTimes[k] = concat(botTimes[k], measured(b[k]));
                            layer[k] = concat(layer[k], measured(l[k]));
                            lucene[k] = concat(lucene[k], measured(p[k]));
                            peerTimes[k] = concat(peerTimes[k], measured(o[k]));
                            peerTook[k] = concat(peerTook[k], measured(t[k]));
                        }
                    }
                }
                long[] plainAll = concat(lucene[0], lucene[1]);
                out.println("query, the whole /cop search command (access, ranking, feedback, snippets, best message, "
                        + "reply) against a plain Lucene top-5 on the same index:");
                report("all queries", concat(botTimes[0], botTimes[1]), plainAll);
                report("short (1-3 words)", botTimes[0], lucene[0]);
                report("question-length", botTimes[1], lucene[1]);
                out.printf(Locale.ROOT, "memory   allocated per /cop search command: short %,d KB, question-length %,d KB "
                        + "(what young collections, and the pauses in the p99, are made of)%n",
                        allocated[0] / Math.max(1, commands[0]) >> 10, allocated[1] / Math.max(1, commands[1]) >> 10);
                out.println("query, the search layer only (access, ranking, feedback, snippets; no command or reply):");
                report("all queries", concat(layer[0], layer[1]), plainAll);
                report("short (1-3 words)", layer[0], lucene[0]);
                report("question-length", layer[1], lucene[1]);
                if (openSearch != null) {
                    out.println("query, the whole /cop search command (in-process) against OpenSearch's multi_match over "
                            + "title and text (HTTP round trip on loopback), same queries, same run:");
                    report("all queries", concat(botTimes[0], botTimes[1]), concat(peerTimes[0], peerTimes[1]), "OpenSearch");
                    report("short (1-3 words)", botTimes[0], peerTimes[0], "OpenSearch");
                    report("question-length", botTimes[1], peerTimes[1], "OpenSearch");
                    out.println("query, the same against OpenSearch's own time for each query (\"took\", whole ms, "
                            + "without HTTP or the client; the bot's figure still includes the whole command):");
                    report("all queries", concat(botTimes[0], botTimes[1]), concat(peerTook[0], peerTook[1]), "OS took");
                    report("short (1-3 words)", botTimes[0], peerTook[0], "OS took");
                    report("question-length", botTimes[1], peerTook[1], "OS took");
                }
            }
        }
        heap.stop();
        out.printf(Locale.ROOT, "heap     peak in use %d MB (sampled every 20 ms), max allowed %d MB%n",
                heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private double ingestThroughBot(CopBot bot, int messages) {
        long start = System.nanoTime();
        List<Inbound.MessagePosted> batch = new ArrayList<>(BATCH);
        workspace.generate(messages, m -> {
            batch.add(BotIngest.posted(m));
            if (batch.size() == BATCH) {
                bot.discussions().postedAll(batch);
                batch.clear();
            }
        });
        bot.discussions().postedAll(batch);
        bot.discussions().flush();
        int before = bot.discussions().withIndex(IndexView::segments);
        // As copbot import does at its end: counted in the ingest time.
        bot.discussions().compactIndex();
        out.printf(Locale.ROOT, "index    %d segments after ingest, merged to %d%n", before,
                bot.discussions().withIndex(IndexView::segments));
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = bot.discussions().store().messageCount();
        if (stored != messages) {
            throw new IllegalStateException("stored " + stored + " of " + messages + " messages");
        }
        return messages / seconds;
    }

    private double ingestPlain(int messages, Path dir) throws IOException {
        long start = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer(true))
                .setSimilarity(new BM25Similarity(0.9f, 0.4f)).setRAMBufferSizeMB(64);
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            threads(messages, (key, title, text) -> add(w, key, title, text));
            w.commit();
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    /** The same threads into OpenSearch, through its bulk API. */
    private OpenSearchPeer ingestPeer(int messages) {
        OpenSearchPeer openSearch = new OpenSearchPeer(peer);
        long start = System.nanoTime();
        openSearch.createIndex();
        threads(messages, openSearch::add);
        openSearch.finishIndexing();
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "ingest   OpenSearch %s: %,.0f msg/s (bulk over HTTP, refreshed), %,d threads in %d segments%n",
                peer, rate, openSearch.count(), openSearch.segments());
        return openSearch;
    }

    interface ThreadSink {
        void accept(String key, String title, String text);
    }

    /** The generated messages as whole threads: key, title (the root's first line), every message's text. */
    private void threads(int messages, ThreadSink sink) {
        StringBuilder text = new StringBuilder();
        String[] thread = {null, null};
        workspace.generate(messages, m -> {
            if (m.ts().equals(m.threadTs()) && thread[0] != null) {
                sink.accept(thread[0], thread[1], text.toString());
                text.setLength(0);
            }
            if (m.ts().equals(m.threadTs())) {
                thread[0] = m.channel() + "|" + m.ts();
                thread[1] = m.text().substring(1, m.text().indexOf('*', 1));
            }
            text.append(m.text()).append('\n');
        });
        sink.accept(thread[0], thread[1], text.toString());
    }

    private static void add(IndexWriter w, String key, String title, String text) {
        Document doc = new Document();
        doc.add(new StringField("key", key, Field.Store.YES));
        doc.add(new TextField("title", title, Field.Store.YES));
        doc.add(new TextField("text", text, Field.Store.NO));
        try {
            w.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void plainSearch(IndexSearcher searcher, QueryBuilder builder, String q) throws IOException {
        Query query = builder.createBooleanQuery("text", q, BooleanClause.Occur.SHOULD);
        if (query == null) {
            return;
        }
        for (ScoreDoc sd : searcher.search(query, 5).scoreDocs) {
            searcher.storedFields().document(sd.doc);
        }
    }

    private void report(String what, long[] bot, long[] plain) {
        report(what, bot, plain, "plain Lucene");
    }

    private void report(String what, long[] bot, long[] other, String otherName) {
        double b50 = percentile(bot, 50), b99 = percentile(bot, 99);
        double p50 = percentile(other, 50), p99 = percentile(other, 99);
        out.printf(Locale.ROOT, "query    %-18s bot p50 %.2f ms p99 %.2f ms   %s p50 %.2f ms p99 %.2f ms   "
                + "ratio p50 %.2f p99 %.2f   (%d samples)%n", what, b50, b99, otherName, p50, p99, b50 / p50, b99 / p99,
                bot.length);
    }

    static double percentile(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }

    /** Per kind of query, one slot per query, -1 until timed (a query is of one kind only; OpenSearch may take 0 ms). */
    private static long[][] unmeasured(int queries) {
        long[][] out = new long[2][queries];
        Arrays.fill(out[0], -1);
        Arrays.fill(out[1], -1);
        return out;
    }

    private static long[] measured(long[] a) {
        return Arrays.stream(a).filter(x -> x >= 0).toArray();
    }

    static long[] concat(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Samples heap in use, since pool peaks are not simultaneous and GC logs are not at hand in-process. */
    static final class HeapSampler {
        private volatile boolean running;
        private volatile long peak;
        private Thread thread;

        void start() {
            running = true;
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                Runtime rt = Runtime.getRuntime();
                while (running) {
                    peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakBytes() {
            return peak;
        }
    }
}
