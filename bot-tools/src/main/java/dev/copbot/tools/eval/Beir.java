package dev.copbot.tools.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A BEIR collection: corpus lines {@code {"_id","title","text"}}, query lines {@code {"_id","text"}}, TSV qrels. */
public final class Beir {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Doc(String id, String title, String text) {}

    public record Query(String id, String text) {}

    private Beir() {}

    public static List<Doc> corpus(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        forEachLine(file, (n, node) -> docs.add(new Doc(required(node, "_id", file, n), text(node, "title"), text(node, "text"))));
        return docs;
    }

    public static List<Query> queries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        forEachLine(file, (n, node) -> queries.add(new Query(required(node, "_id", file, n), text(node, "text"))));
        return queries;
    }

    /** query id → (doc id → relevance grade); a header line is skipped. */
    public static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].equals("query-id")) {
                continue;
            }
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
        }
        return out;
    }

    private interface LineHandler {
        void accept(int lineNumber, JsonNode node);
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(file + " line " + n + " is not JSON: " + e.getOriginalMessage());
                }
                handler.accept(n, node);
            }
        }
    }

    private static String required(JsonNode node, String field, Path file, int line) {
        JsonNode v = node.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + " line " + line + " has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
