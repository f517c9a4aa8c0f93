package dev.copbot.core.reply;

/**
 * English counts: "1 thread", "2 threads", "0 threads". Every reply that shows a number next to a noun goes through
 * here, so "1 thread match" or "1 kudos" cannot come back. ICU4J would add 14 MB for the one rule English needs.
 */
public final class Plural {
    private Plural() {}

    /** {@code n} and the noun in the form that agrees with it: {@code of(1, "match", "matches")} is "1 match". */
    public static String of(long n, String one, String other) {
        return n + " " + word(n, one, other);
    }

    /** The form of a word that agrees with {@code n} (a verb too: {@code word(n, "matches", "match")}). */
    public static String word(long n, String one, String other) {
        return n == 1 ? one : other;
    }

    /** {@code of} for nouns whose plural adds "s": {@code count(3, "member")} is "3 members". */
    public static String count(long n, String one) {
        return of(n, one, one + "s");
    }
}
