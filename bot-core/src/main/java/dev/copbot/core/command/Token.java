package dev.copbot.core.command;

/** One word of a command: a positional value, or a {@code key:value} option. Quotes are already removed. */
public record Token(String key, String value, boolean quoted) {

    public static Token positional(String value, boolean quoted) {
        return new Token(null, value, quoted);
    }

    public boolean isOption() {
        return key != null;
    }

    /** As the user could type it again, for error messages. */
    public String display() {
        String v = quoted || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? '"' + value + '"' : value;
        return isOption() ? key + ":" + v : v;
    }
}
