package dev.copbot.tools.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** TREC run files ({@code qid Q0 docid rank score tag}) and the two measures we report: nDCG@10 and recall@100. */
public final class TrecRun {
    public record Ranked(String docId, double score) {}

    private TrecRun() {}

    public static void write(Path file, Map<String, List<Ranked>> run, String tag) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var e : run.entrySet()) {
                int rank = 1;
                for (Ranked r : e.getValue()) {
                    w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), r.docId(), rank++, r.score(), tag));
                }
            }
        }
    }

    public static Map<String, List<Ranked>> read(Path file) throws IOException {
        Map<String, List<Ranked>> run = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 5) {
                run.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Ranked(f[2], Double.parseDouble(f[4])));
            }
        }
        run.values().forEach(l -> l.sort((a, b) -> Double.compare(b.score(), a.score())));
        return run;
    }

    public record Scores(double ndcg10, double recall100, int queries) {}

    /** Averages over the queries that have relevant documents (as trec_eval does with -c off). */
    public static Scores score(Map<String, Map<String, Integer>> qrels, Map<String, List<Ranked>> run) {
        double ndcg = 0;
        double recall = 0;
        int n = 0;
        for (var q : qrels.entrySet()) {
            Map<String, Integer> rel = q.getValue();
            long relevant = rel.values().stream().filter(g -> g > 0).count();
            if (relevant == 0) {
                continue;
            }
            n++;
            List<Ranked> ranked = run.getOrDefault(q.getKey(), List.of());
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                int g = rel.getOrDefault(ranked.get(i).docId(), 0);
                dcg += (Math.pow(2, g) - 1) / log2(i + 2);
            }
            List<Integer> ideal = new ArrayList<>(rel.values());
            ideal.sort((a, b) -> b - a);
            double idcg = 0;
            for (int i = 0; i < Math.min(10, ideal.size()); i++) {
                idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
            }
            ndcg += idcg == 0 ? 0 : dcg / idcg;
            long found = ranked.stream().limit(100).filter(r -> rel.getOrDefault(r.docId(), 0) > 0).count();
            recall += (double) found / relevant;
        }
        return n == 0 ? new Scores(0, 0, 0) : new Scores(ndcg / n, recall / n, n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static Map<String, List<Ranked>> emptyRun() {
        return new HashMap<>();
    }
}
