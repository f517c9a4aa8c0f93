package dev.copbot.core.discussion;

import dev.copbot.core.command.Suggestions;
import java.util.Collection;
import java.util.List;

/**
 * How threads are scored. BM25 on the thread's whole text, plus (each with its weight) its title and its accepted
 * answer again, a
 * proximity bonus for query words that stand close together in the thread, and a modest lift for solved threads (an amount added to the score, not a factor, so that Lucene can
 * still skip threads that cannot reach the top).
 * The defaults were chosen on the Stack Exchange collections in docs/BENCHMARKS.md.
 */
public record Ranking(float k1, float b, float titleWeight, float textWeight, float acceptedWeight,
                      float proximityWeight, int proximityWindow, float solvedBoost, Feedback feedback) {

    /**
     * Pseudo-relevance feedback for question-length queries: the most telling words of the best {@code documents}
     * threads are added to the query (at most {@code terms}, together worth {@code weight}), so a question finds
     * threads that say the same thing in other words. Short keyword searches (fewer than {@code minWords}
     * searchable words) are precise already and skip this second pass.
     */
    public record Feedback(int documents, int terms, float weight, int minWords) {
        public static final Feedback NONE = new Feedback(0, 0, 0, Integer.MAX_VALUE);
    }

    public static Ranking defaults() {
        return new Ranking(0.9f, 0.4f, 0.2f, 1.0f, 0.5f, 0.5f, 6, 0.5f, new Feedback(5, 20, 0.7f, 4));
    }

    /** The parts of the ranking that can be left out, to measure what each costs and what it is worth. */
    public static final List<String> PARTS = List.of("feedback", "proximity", "fields", "solved");

    /**
     * This ranking without the named parts: {@code feedback} (the second pass), {@code proximity} (adjacent words
     * close together), {@code fields} (the title and accepted answer counted again; the whole thread stays),
     * {@code solved} (the lift for solved threads). For {@code copbot eval search} and {@code copbot bench search}.
     */
    public Ranking without(Collection<String> parts) {
        float title = titleWeight, accepted = acceptedWeight, proximity = proximityWeight, solved = solvedBoost;
        Feedback withFeedback = feedback;
        for (String part : parts) {
            switch (part) {
                case "feedback" -> withFeedback = Feedback.NONE;
                case "proximity" -> proximity = 0f;
                case "fields" -> {
                    title = 0f;
                    accepted = 0f;
                }
                case "solved" -> solved = 0f;
                default -> throw new IllegalArgumentException("there is no ranking part '" + part + "'."
                        + Suggestions.didYouMean(part, PARTS) + " The parts are "
                        + String.join(", ", PARTS) + ".");
            }
        }
        return new Ranking(k1, b, title, textWeight, accepted, proximity, proximityWindow, solved, withFeedback);
    }

}
