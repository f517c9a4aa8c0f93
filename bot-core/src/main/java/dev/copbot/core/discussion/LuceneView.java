package dev.copbot.core.discussion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/** A view of the embedded index: one acquired searcher, and the threads' stored fields it has read so far. */
final class LuceneView implements IndexView {
    private final IndexSearcher searcher;
    /**
     * A question's feedback pass and its page mostly show the same threads; each read of a thread's stored fields
     * decompresses the block holding it (about a tenth of a question's time), so each thread is read once a view.
     */
    private final Map<Integer, Document> read = new HashMap<>();
    private StoredFields stored;

    LuceneView(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public SearchIndex.Page search(Query query, int offset, int limit, int countUpTo) {
        return SearchIndex.search(searcher, query, offset, limit, countUpTo, this::document);
    }

    private Document document(int doc) throws IOException {
        Document known = read.get(doc);
        if (known == null) {
            if (stored == null) {
                stored = searcher.storedFields();
            }
            known = stored.document(doc);
            read.put(doc, known);
        }
        return known;
    }

    @Override
    public long docCount() {
        return searcher.getIndexReader().maxDoc();
    }

    /**
     * One terms enumerator per segment for all the terms: the default asks the reader term by term, which builds a
     * new enumerator each time, and feedback asks about 60 at once (most of what choosing feedback words allocated).
     */
    @Override
    public Map<String, Long> docFreqs(String field, Collection<String> terms) {
        Set<String> distinct = new LinkedHashSet<>(terms);
        Map<String, Long> out = new LinkedHashMap<>();
        distinct.forEach(t -> out.put(t, 0L));
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms inLeaf = leaf.reader().terms(field);
                if (inLeaf == null) {
                    continue;
                }
                TermsEnum enumerator = inLeaf.iterator();
                for (String t : distinct) {
                    if (enumerator.seekExact(new BytesRef(t))) {
                        out.merge(t, (long) enumerator.docFreq(), Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public long docFreq(String field, String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int segments() {
        return searcher.getIndexReader().leaves().size();
    }

    @Override
    public Matches matches(SearchIndex.Hit hit, Set<String> terms) {
        return Matches.of(searcher, hit, terms);
    }

    @Override
    public List<Scored> top(Query query, int n, float k1, float b) {
        // A searcher of our own on the same reader: the shared one keeps the search command's similarity.
        IndexSearcher own = new IndexSearcher(searcher.getIndexReader());
        own.setSimilarity(new BM25Similarity(k1, b));
        try {
            TopDocs top = own.search(query, n);
            List<LeafReaderContext> leaves = own.getIndexReader().leaves();
            List<Scored> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new Scored(ThreadKey.parse(key(leaves.get(ReaderUtil.subIndex(sd.doc, leaves)), sd.doc)), sd.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The thread key of a hit, from its doc value: reading it from the stored fields would unpack the whole stored
     * thread, which was most of the time of an expert question. Segments written before the doc value fall back.
     */
    private static String key(LeafReaderContext leaf, int doc) throws IOException {
        BinaryDocValues keys = leaf.reader().getBinaryDocValues(SearchIndex.KEY);
        int local = doc - leaf.docBase;
        if (keys != null && keys.advanceExact(local)) {
            return keys.binaryValue().utf8ToString();
        }
        return leaf.reader().storedFields().document(local, Set.of(SearchIndex.KEY)).get(SearchIndex.KEY);
    }
}
