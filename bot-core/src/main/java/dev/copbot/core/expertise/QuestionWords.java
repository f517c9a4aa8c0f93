package dev.copbot.core.expertise;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A question as search words: "how do we rotate the TLS certificate?" searches for "rotate the TLS certificate". The
 * index's stop words are for documents; a question's own scaffolding (how, do, we, anyone) would otherwise rank
 * threads that merely ask something and be highlighted in every snippet.
 */
final class QuestionWords {
    private static final Set<String> SCAFFOLDING = Set.of("how", "what", "why", "when", "where", "who", "which",
            "whom", "whose", "do", "does", "did", "is", "are", "was", "were", "be", "been", "can", "could", "should",
            "would", "will", "shall", "may", "might", "must", "we", "i", "you", "our", "my", "me", "us", "your", "they",
            "them", "anyone", "anybody", "someone", "somebody", "please", "hi", "hello", "hey", "thanks", "im", "i'm");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern AROUND = Pattern.compile("^[\\p{Punct}¿¡]+|[\\p{Punct}]+$");

    private QuestionWords() {}

    /** The question without its scaffolding words; the question itself when nothing else is left. */
    static String searchable(String question) {
        StringBuilder out = new StringBuilder();
        for (String word : SPACE.split(question.strip())) {
            String bare = bare(word);
            if (!bare.isEmpty() && !SCAFFOLDING.contains(bare)) {
                out.append(out.isEmpty() ? "" : " ").append(word.replaceAll("[?!.,;:]+$", ""));
            }
        }
        return out.isEmpty() ? question : out.toString();
    }

    /**
     * A topic ("quantum gate", "Kafka consumer groups") rather than a question: at most three search words, no
     * question mark and none of a question's scaffolding words.
     */
    static boolean isTopic(String text, int searchWords) {
        if (searchWords > 3 || text.indexOf('?') >= 0) {
            return false;
        }
        for (String word : SPACE.split(text.strip())) {
            if (SCAFFOLDING.contains(bare(word))) {
                return false;
            }
        }
        return true;
    }

    /** The word without the punctuation around it, in lower case ("How", "anyone?", "¿how": as the list has them). */
    private static String bare(String word) {
        return AROUND.matcher(word).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
