package dev.copbot.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --without} of eval search and bench search: a mistyped part is a usage error with a suggestion. */
class RankingPartsTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String err) {}

    private Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new Run(cli.execute(args), err.toString());
    }

    /** {@code eval search} on a one-thread collection, with {@code more} options after the files. */
    private Run evalSearch(String... more) throws Exception {
        Path corpus = Files.writeString(tmp.resolve("corpus.jsonl"), "{\"_id\":\"1\",\"title\":\"kafka\",\"text\":\"lag\"}\n");
        Path queries = Files.writeString(tmp.resolve("queries.jsonl"), "{\"_id\":\"q\",\"text\":\"kafka lag\"}\n");
        List<String> args = new ArrayList<>(List.of("eval", "search", "--corpus", corpus.toString(), "--queries",
                queries.toString(), "--out", tmp.resolve("run.trec").toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void aMistypedPartIsRefusedBeforeAnythingIsIndexed() throws Exception {
        Path out = tmp.resolve("run.trec");
        Run r = evalSearch("--without", "feedback,proximty");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--without: there is no ranking part 'proximty'. Did you mean 'proximity'?",
                "Usage: copbot eval search");
        assertThat(out).doesNotExist();
    }

    @Test
    void withoutDoesNotApplyToTheBaseline() throws Exception {
        Run r = evalSearch("--baseline", "--without", "feedback");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--without applies to the bot's ranking, not to --baseline");
    }

    @Test
    void benchRefusesAnUnknownPartBeforeGeneratingMessages() {
        Run r = run("bench", "search", "--messages", "1000", "--data", tmp.resolve("bench").toString(), "--without", "speed");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("there is no ranking part 'speed'.", "The parts are feedback, proximity, fields, solved.");
        assertThat(tmp.resolve("bench")).doesNotExist();
    }

    @Test
    void aKnownPartRunsTheEvaluation() throws Exception {
        Path corpus = Files.writeString(tmp.resolve("corpus.jsonl"),
                "{\"_id\":\"1\",\"title\":\"kafka consumer lag\",\"text\":\"the consumer falls behind\"}\n"
                        + "{\"_id\":\"2\",\"title\":\"latte art\",\"text\":\"milk foam\"}\n");
        Path queries = Files.writeString(tmp.resolve("queries.jsonl"), "{\"_id\":\"q\",\"text\":\"consumer lag\"}\n");
        Path out = tmp.resolve("run.trec");
        Run r = run("eval", "search", "--corpus", corpus.toString(), "--queries", queries.toString(), "--out",
                out.toString(), "--without", "feedback,fields");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1).first().asString().startsWith("q Q0 1 1 ");
    }
}
