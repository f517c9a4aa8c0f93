package dev.copbot.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits {@code /cop community create data-science purpose:"Models and more"} into tokens. Double quotes (straight or
 * the curly ones Slack and phones substitute) group words; {@code \"} inside quotes is a literal quote;
 * {@code key:value} is an option unless it is a URL ({@code https://…}) or a scoped identity ({@code slack:T1:U2}).
 */
public final class Tokenizer {
    public static final int MAX_LENGTH = 4000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z_-]{0,30}");
    private static final Set<String> PLATFORM_PREFIXES = Set.of("slack", "discord", "console");

    private Tokenizer() {}

    /** The command text without a leading {@code /cop}, checked for length and invisible characters. */
    public static String normalize(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "/cop", 0, 4) && (t.length() == 4 || Character.isWhitespace(t.charAt(4)))) {
            t = t.substring(4).strip();
        }
        if (t.length() > MAX_LENGTH) {
            throw new UserError("That command is " + t.length() + " characters long; the limit is " + MAX_LENGTH
                    + ". Shorten it, or put the long text where it belongs (a message in the channel).");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r';
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                throw new UserError(String.format("The command contains an invisible %s character (U+%04X) at position "
                        + "%d. Remove it and type the command again.", control ? "control" : "text-direction", (int) c, i + 1));
            }
        }
        return t;
    }

    public static List<Token> tokenize(String normalized) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean inQuote = false;
        boolean quoted = false;
        boolean inToken = false;
        int keyLength = -1;
        int quoteOpenedAt = -1;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (inQuote) {
                if (c == '\\' && i + 1 < normalized.length() && isQuote(normalized.charAt(i + 1))) {
                    buf.append(normalized.charAt(++i));
                } else if (isQuote(c)) {
                    inQuote = false;
                } else {
                    buf.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(finish(buf, quoted, keyLength));
                    buf.setLength(0);
                    inToken = false;
                    quoted = false;
                    keyLength = -1;
                }
            } else {
                inToken = true;
                if (isQuote(c)) {
                    inQuote = true;
                    quoted = true;
                    quoteOpenedAt = i;
                } else {
                    if (c == ':' && keyLength < 0 && !quoted && KEY.matcher(buf).matches()) {
                        keyLength = buf.length();
                    }
                    buf.append(c);
                }
            }
        }
        if (inQuote) {
            throw new UserError("Unbalanced quote: the quote at character " + (quoteOpenedAt + 1)
                    + " is never closed. Close it, e.g. purpose:\"Share what we learn\".");
        }
        if (inToken) {
            tokens.add(finish(buf, quoted, keyLength));
        }
        return tokens;
    }

    private static Token finish(StringBuilder buf, boolean quoted, int keyLength) {
        String s = buf.toString();
        if (keyLength >= 0 && !s.startsWith("//", keyLength + 1)) {
            String key = s.substring(0, keyLength).toLowerCase(Locale.ROOT);
            // slack:T1:U2 is a scoped identity, not an option called "slack"
            if (!PLATFORM_PREFIXES.contains(key)) {
                return new Token(key, s.substring(keyLength + 1), quoted);
            }
        }
        return Token.positional(s, quoted);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }
}
