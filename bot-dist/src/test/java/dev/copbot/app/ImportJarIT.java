package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * copbot import as a user runs it: the packaged jar, killed with SIGKILL in the middle of an import and run again,
 * must end with exactly the store and search index of an uninterrupted import, without rebuilding the index.
 */
class ImportJarIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TheJar.Result run(String... args) throws Exception {
        return TheJar.run(dir, Map.of(), "", 300, args);
    }

    /** Starts an import and kills it (SIGKILL) once it has reported progress {@code lines} times; returns the lines seen. */
    List<String> importKilledAfter(int lines, String data) throws Exception {
        Process p = TheJar.process(dir, "import", "slack-export", "export", "--data", data)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            int progress = 0;
            while ((line = err.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("import:") && line.contains("%") && !line.contains("100%") && ++progress == lines) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                    break;
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return seen;
    }

    @Test
    void killedTwiceThenRunAgainEndsExactlyLikeAnUninterruptedImport() throws Exception {
        TheJar.Result gen = run("bench", "slack-export", "--messages", "150000", "--out", "export");
        assertThat(gen.exit()).as(gen.err()).isZero();

        TheJar.Result clean = run("import", "slack-export", "export", "--data", "clean", "--json");
        assertThat(clean.exit()).as(clean.err()).isZero();
        JsonNode cleanSummary = JSON.readTree(clean.out());
        assertThat(cleanSummary.get("messages").asLong()).isEqualTo(150_000);

        List<String> first = importKilledAfter(1, "killed");
        assertThat(first).as("progress was reported before the kill").anyMatch(l -> l.contains("%"));
        importKilledAfter(2, "killed");
        TheJar.Result resumed = run("import", "slack-export", "export", "--data", "killed", "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        // The index replays the change log from the position its last commit recorded: no rebuild.
        assertThat(resumed.err()).doesNotContain("rebuilding");
        JsonNode summary = JSON.readTree(resumed.out());
        assertThat(summary.get("messages").asLong()).isPositive().isLessThan(150_000);
        assertThat(summary.get("files").get("unchanged").asInt()).isPositive();

        assertThat(storeDigest(dir.resolve("killed"))).isEqualTo(storeDigest(dir.resolve("clean")));
        assertThat(indexDigest(dir.resolve("killed"))).isEqualTo(indexDigest(dir.resolve("clean")));

        TheJar.Result again = run("import", "slack-export", "export", "--data", "killed", "--json");
        assertThat(JSON.readTree(again.out()).get("messages").asLong()).isZero();
        assertThat(storeDigest(dir.resolve("killed"))).isEqualTo(storeDigest(dir.resolve("clean")));
    }

    @Test
    void stackExchangeDumpsImportWithTheCountsTheConverterPrinted() throws Exception {
        Path tool = Path.of("../../shared/tools/se2slack.py").toAbsolutePath().normalize();
        Path data = Path.of("../../shared/data").toAbsolutePath().normalize();
        if (!Files.exists(tool) || !Files.isDirectory(data)) {
            // Said out loud: a silent skip reads as a pass.
            String why = "the Stack Exchange import test needs " + tool + " and " + data + " (a ../shared beside the "
                    + "checkout); they are absent, so it is skipped";
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        for (String dump : List.of("stackexchange-ai-2016", "stackexchange-bicycles-meta-2023")) {
            Process p = new ProcessBuilder("python3", tool.toString(), data.resolve(dump).toString(),
                    dir.resolve(dump).toString()).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Matcher m = Pattern.compile("(\\d+) threads, (\\d+) replies").matcher(printed);
            assertThat(m.find()).as(printed).isTrue();

            TheJar.Result imported = run("import", "slack-export", dump, "--data", "se-" + dump, "--json");
            assertThat(imported.exit()).as(imported.err()).isZero();
            JsonNode s = JSON.readTree(imported.out());
            assertThat(s.get("threads").asLong()).isEqualTo(Long.parseLong(m.group(1)));
            assertThat(s.get("replies").asLong()).isEqualTo(Long.parseLong(m.group(2)));
            assertThat(s.get("skipped_total").asLong()).isZero();
        }
    }

    static String storeDigest(Path data) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("copbot.db"));
             Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT channel_id, message_id, thread_root, author, text, posted_at, edited_at FROM messages ORDER BY 1, 2",
                    "SELECT channel_id, message_id, user_id, emoji FROM reactions ORDER BY 1, 2, 3, 4",
                    "SELECT channel_id, user_id FROM channel_members ORDER BY 1, 2",
                    "SELECT id, display_name FROM users ORDER BY 1",
                    "SELECT id, name, visibility, indexed FROM channels ORDER BY 1",
                    "SELECT source, file, fingerprint, position, done FROM import_files ORDER BY 1, 2")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            md.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Every thread document (key, title, body, replies, solved): no thread missing, none twice, none stale. */
    static String indexDigest(Path data) throws Exception {
        TreeSet<String> docs = new TreeSet<>();
        int live;
        try (FSDirectory d = FSDirectory.open(data.resolve("index")); DirectoryReader r = DirectoryReader.open(d)) {
            var stored = r.storedFields();
            var liveDocs = MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (liveDocs == null || liveDocs.get(i)) {
                    Document doc = stored.document(i);
                    docs.add(doc.get("key") + "|" + doc.get("title") + "|" + doc.get("body") + "|"
                            + doc.getField("replies").numericValue() + "|" + doc.get("solved"));
                }
            }
            live = r.numDocs();
        }
        assertThat(docs).hasSize(live);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        docs.forEach(doc -> md.update(doc.getBytes(StandardCharsets.UTF_8)));
        return live + ":" + HexFormat.of().formatHex(md.digest());
    }
}
