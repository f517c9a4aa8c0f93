package dev.copbot.tools.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Plain Lucene BM25 as Anserini runs BEIR "flat": EnglishAnalyzer, k1=0.9, b=0.4, title and text in one field, the
 * query as a bag of words. The yardstick our search is compared with.
 */
public final class FlatBm25Baseline {
    private FlatBm25Baseline() {}

    public static Map<String, List<TrecRun.Ranked>> run(List<Beir.Doc> corpus, List<Beir.Query> queries, int k) {
        BM25Similarity bm25 = new BM25Similarity(0.9f, 0.4f);
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(bm25);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (Beir.Doc d : corpus) {
                    Document doc = new Document();
                    doc.add(new StringField("id", d.id(), Field.Store.YES));
                    doc.add(new TextField("contents", d.title() + "\n" + d.text(), Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(bm25);
                QueryParser parser = new QueryParser("contents", analyzer);
                Map<String, List<TrecRun.Ranked>> run = new LinkedHashMap<>();
                for (Beir.Query q : queries) {
                    List<TrecRun.Ranked> ranked = new ArrayList<>();
                    String text = QueryParser.escape(q.text());
                    if (!text.isBlank()) {
                        try {
                            for (ScoreDoc sd : searcher.search(parser.parse(text), k + 1).scoreDocs) {
                                String id = searcher.storedFields().document(sd.doc).get("id");
                                if (!id.equals(q.id()) && ranked.size() < k) {
                                    ranked.add(new TrecRun.Ranked(id, sd.score));
                                }
                            }
                        } catch (ParseException e) {
                            throw new IllegalArgumentException("query " + q.id() + ": " + e.getMessage());
                        }
                    }
                    run.put(q.id(), ranked);
                }
                return run;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
