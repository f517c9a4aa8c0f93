package dev.copbot.tools.eval;

import dev.copbot.core.CopBot;
import dev.copbot.core.expertise.ExpertFinder;
import dev.copbot.core.expertise.Popularity;
import dev.copbot.core.platform.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Held-out questions of a Stack Exchange fold or cutoff (from {@code se2slack.py --fold} or {@code --cutoff}): for each,
 * ask the bot for experts on its title as of "now", and find the rank of the person whose answer was accepted. Scored
 * beside the popularity baseline: everyone ranked by accepted answers, then answers, from the same history (what the
 * imported export holds that was posted by now).
 */
public final class ExpertEvaluation {
    public record Question(String id, String title, String acceptedAnswerer) {}

    public record Scores(int questions, double mrr, double hitAt5, double popularityMrr, double popularityHitAt5) {}

    private ExpertEvaluation() {}

    /** Rows of heldout.tsv with an accepted answer: question_id, title, text, accepted_answerer, answerers. */
    public static List<Question> heldout(Path file) throws IOException {
        List<Question> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected at least 4 tab-separated columns");
            }
            if (!f[3].isBlank()) {
                out.add(new Question(f[0], f[1], f[3].strip()));
            }
        }
        return out;
    }

    /** {@code asker}: someone of the imported workspace who asked none of the questions (never listed as expert). */
    public static Scores run(CopBot bot, List<Question> questions, UserId asker, Instant now) {
        return run(bot, bot.experts(), questions, asker, now);
    }

    /** {@code ranks} (may be null): one line per question, "id, bot rank, popularity rank" (1-based, 0 = not ranked). */
    public static Scores run(CopBot bot, List<Question> questions, UserId asker, Instant now, Path ranks) throws IOException {
        return run(bot, bot.experts(), questions, asker, now, ranks);
    }

    public static Scores run(CopBot bot, ExpertFinder finder, List<Question> questions, UserId asker, Instant now) {
        try {
            return run(bot, finder, questions, asker, now, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With another finder (other weights) over the same bot's store and index. */
    public static Scores run(CopBot bot, ExpertFinder finder, List<Question> questions, UserId asker, Instant now,
                             Path ranks) throws IOException {
        List<String> lines = new ArrayList<>();
        // Popularity from the same history: what was posted by now, as the bot sees it.
        List<UserId> popular = new Popularity(bot.discussions().store(), bot.discussions().clock()).ranking(asker, now);
        double rr = 0;
        double hits = 0;
        double popRr = 0;
        double popHits = 0;
        for (Question q : questions) {
            UserId expected = asker.sibling(q.acceptedAnswerer());
            List<UserId> ranked = finder.find(asker, q.title(), List.of(), now, 100).stream()
                    .map(ExpertFinder.Expert::user).toList();
            int rank = ranked.indexOf(expected);
            rr += rank < 0 ? 0 : 1.0 / (rank + 1);
            hits += rank >= 0 && rank < 5 ? 1 : 0;
            int popRank = popular.indexOf(expected);
            popRr += popRank < 0 ? 0 : 1.0 / (popRank + 1);
            popHits += popRank >= 0 && popRank < 5 ? 1 : 0;
            lines.add(q.id() + "\t" + (rank + 1) + "\t" + (popRank + 1));
        }
        if (ranks != null) {
            Files.write(ranks, lines, StandardCharsets.UTF_8);
        }
        int n = Math.max(1, questions.size());
        return new Scores(questions.size(), rr / n, hits / n, popRr / n, popHits / n);
    }
}
