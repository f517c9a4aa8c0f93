package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded search backend: one Lucene document per thread, near-real-time readers, BM25. It is derived data: it
 * follows the store's change log ({@link IndexFollowing}), and {@code copbot reindex} rebuilds it from the store. Its surface is deliberately narrow (upsert, delete, search a
 * query) so that a second backend such as OpenSearch is an adapter, not a rewrite.
 */
public final class SearchIndex implements SearchBackend {
    public static final String KEY = "key", WORKSPACE = "workspace", CHANNEL = "channel", ROOT = "root", TITLE = "title",
            BODY = "body", TEXT = "text", ACCEPTED = "accepted", AUTHOR = "author", SOLVED = "solved", POSTED = "posted",
            LAST_REPLY = "last_reply", REPLIES = "replies", ACCEPTED_MESSAGE = "accepted_message",
            MESSAGE_STARTS = "message_starts";
    /** Bumped whenever fields or analysis change, so an old index is rebuilt rather than misread. */
    public static final String FORMAT = "thread-v3";
    /** The searchable text, with offsets in its postings so snippets are cut from them without analysing again. */
    static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private final Directory directory;
    /** Null when the index is open read-only: another process (a running bot) writes it. */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final BM25Similarity similarity;
    /** Read-only: when the searcher last looked for a newer commit of the writing process. */
    private volatile long lookedForCommitAt;

    private SearchIndex(Directory directory, Ranking ranking) throws IOException {
        this.directory = directory;
        this.similarity = new BM25Similarity(ranking.k1(), ranking.b());
        IndexWriterConfig config = new IndexWriterConfig(new SearchAnalyzer(true));
        config.setSimilarity(similarity);
        config.setRAMBufferSizeMB(64);
        config.setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    private SearchIndex(Directory directory, BM25Similarity similarity) throws IOException {
        this.directory = directory;
        this.similarity = similarity;
        this.writer = null;
        this.searchers = new SearcherManager(directory, null);
        this.lookedForCommitAt = System.nanoTime();
    }

    public static SearchIndex open(Path dir, Ranking ranking) {
        try {
            return new SearchIndex(FSDirectory.open(dir), ranking);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    /**
     * Opens the index another process writes (a running bot), to search only: searches see what that process last
     * committed (it commits every few seconds); writing throws.
     */
    public static SearchIndex openReadOnly(Path dir, Ranking ranking) {
        try {
            return new SearchIndex(FSDirectory.open(dir), new BM25Similarity(ranking.k1(), ranking.b()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index in " + dir, e);
        }
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    private IndexWriter writer() {
        if (writer == null) {
            throw new IllegalStateException("the search index is open read-only: the running bot writes it");
        }
        return writer;
    }

    public static SearchIndex inMemory(Ranking ranking) {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), ranking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code dir} holds a readable index of the current format. */
    public static boolean readable(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return false;
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return FORMAT.equals(r.getIndexCommit().getUserData().get("format"));
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * True when another writer (another process on this data directory, e.g. {@code copbot run} while
     * {@code copbot import} starts) holds the index: Lucene allows one writer per index.
     */
    public static boolean inUse(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory d = FSDirectory.open(dir);
             Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            return false; // opening the index proper reports the real problem
        }
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public <T> T withView(Function<IndexView, T> work) {
        return withSearcher(searcher -> work.apply(new LuceneView(searcher)));
    }

    /** {@code version}: unused here; the one process that writes this index applies changes in log order. */
    @Override
    public void upsert(ThreadDocument thread, String workspace, long version) {
        try {
            writer().updateDocument(new Term(KEY, thread.key().asString()), document(thread, workspace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a thread known not to be in the index yet (it began in the batch being indexed): no delete needed. */
    @Override
    public void add(ThreadDocument thread, String workspace, long version) {
        try {
            writer().addDocument(document(thread, workspace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(ThreadKey key, long version) {
        deleteWhere(new TermQuery(new Term(KEY, key.asString())));
    }

    @Override
    public void deleteChannel(ChannelId channel) {
        deleteWhere(new TermQuery(new Term(CHANNEL, channel.toString())));
    }

    /** Every thread whose channel id starts with the prefix, e.g. {@code slack:T123:} for a workspace. */
    @Override
    public void deleteChannelsStartingWith(String prefix) {
        deleteWhere(new PrefixQuery(new Term(CHANNEL, prefix)));
    }

    @Override
    public void deleteAll() {
        try {
            writer().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteWhere(Query query) {
        try {
            writer().deleteDocuments(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes changes visible to searches. */
    @Override
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes changes durable, recording {@code data} (e.g. how many messages the store held) with the commit. */
    @Override
    public void commit(Map<String, String> data) {
        try {
            Map<String, String> all = new HashMap<>(data);
            all.put("format", FORMAT);
            writer().setLiveCommitData(all.entrySet());
            writer().commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index down to one segment and makes that visible. Every query term is looked up, and every clause
     * set up, once per segment: after a bulk import (5 segments at 1M messages) questions ran about a third faster
     * merged (issue 21). Costly (the whole index is rewritten), so only after an import, not on every commit.
     */
    @Override
    public void mergeDown() {
        try {
            writer().forceMerge(1);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> committedData() {
        try (DirectoryReader r = DirectoryReader.open(directory)) {
            return r.getIndexCommit().getUserData();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** {@code doc}: the thread's Lucene document in the searcher that found it (valid only with that searcher). */
    public record Hit(ThreadKey key, float score, String title, String body, boolean solved, String acceptedMessage,
                      int replies, Instant postedAt, Instant lastReplyAt, int doc, List<ThreadDocument.MessageStart> starts) {}

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    public record Page(List<Hit> hits, long total, boolean totalIsExact) {}

    /** Runs {@code work} on one point-in-time view of the index, so statistics and searches agree. */
    public <T> T withSearcher(Function<IndexSearcher, T> work) {
        try {
            if (writer == null) {
                lookForCommit();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.setSimilarity(similarity);
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most once a second: the writing process commits every few seconds, and each look lists the directory. */
    private void lookForCommit() throws IOException {
        long now = System.nanoTime();
        if (now - lookedForCommitAt > 1_000_000_000L) {
            lookedForCommitAt = now;
            searchers.maybeRefresh();
        }
    }

    /** Totals are exact up to this many hits, as the reply shows them; counting them delays Lucene's pruning. */
    static final int EXACT_TOTAL_UP_TO = 1000;

    /** Where a hit's stored fields come from: a view's reader, which keeps what it already read. */
    interface StoredThreads {
        Document document(int doc) throws IOException;
    }

    /**
     * The hits from {@code offset}, at most {@code limit}. {@code countUpTo}: how many hits to count exactly; the search
     * skips threads that cannot reach the top after that.
     */
    static Page search(IndexSearcher searcher, Query query, int offset, int limit, int countUpTo, StoredThreads stored) {
        try {
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(offset + limit, countUpTo));
            List<Hit> hits = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = stored.document(sd.doc);
                hits.add(new Hit(ThreadKey.parse(d.get(KEY)), sd.score, d.get(TITLE), d.get(BODY),
                        "1".equals(d.get(SOLVED)), d.get(ACCEPTED_MESSAGE), d.getField(REPLIES).numericValue().intValue(),
                        Instant.ofEpochMilli(d.getField(POSTED).numericValue().longValue()),
                        Instant.ofEpochMilli(d.getField(LAST_REPLY).numericValue().longValue()), sd.doc,
                        decodeStarts(d.get(MESSAGE_STARTS))));
            }
            return new Page(hits, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** One line per message, "offset id", in thread order (ids never hold a newline). */
    public static String encodeStarts(List<ThreadDocument.MessageStart> starts) {
        StringBuilder out = new StringBuilder();
        for (ThreadDocument.MessageStart s : starts) {
            out.append(s.offset()).append(' ').append(s.message()).append('\n');
        }
        return out.toString();
    }

    public static List<ThreadDocument.MessageStart> decodeStarts(String encoded) {
        List<ThreadDocument.MessageStart> out = new ArrayList<>();
        if (encoded != null) {
            for (String line : encoded.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    out.add(new ThreadDocument.MessageStart(Integer.parseInt(line.substring(0, space)), line.substring(space + 1)));
                }
            }
        }
        return out;
    }

    private static Document document(ThreadDocument t, String workspace) {
        Document d = new Document();
        d.add(new StringField(KEY, t.key().asString(), Field.Store.YES));
        d.add(new BinaryDocValuesField(KEY, new BytesRef(t.key().asString()))); // read per hit without the stored fields
        d.add(new StringField(WORKSPACE, workspace, Field.Store.NO));
        d.add(new StringField(CHANNEL, t.key().channel().toString(), Field.Store.NO));
        d.add(new TextField(TITLE, t.title(), Field.Store.YES));
        d.add(new StoredField(BODY, t.body()));
        d.add(new Field(TEXT, t.title() + "\n" + t.body(), TEXT_WITH_OFFSETS));
        if (!t.accepted().isEmpty()) {
            d.add(new TextField(ACCEPTED, t.accepted(), Field.Store.NO));
        }
        for (UserId a : t.authors()) {
            d.add(new StringField(AUTHOR, a.toString(), Field.Store.NO));
        }
        d.add(new StringField(SOLVED, t.solved() ? "1" : "0", Field.Store.YES));
        d.add(new StoredField(ACCEPTED_MESSAGE, t.acceptedMessage()));
        d.add(new StoredField(MESSAGE_STARTS, encodeStarts(t.starts())));
        d.add(new LongPoint(POSTED, t.postedAt().toEpochMilli()));
        d.add(new StoredField(POSTED, t.postedAt().toEpochMilli()));
        d.add(new StoredField(LAST_REPLY, t.lastReplyAt().toEpochMilli()));
        d.add(new StoredField(REPLIES, t.replyCount()));
        return d;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
