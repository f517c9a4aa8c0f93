package dev.copbot.core.event;

import java.util.Locale;
import java.util.Optional;

/** An RSVP. {@code typed} is the word people type or click: going, maybe, no. */
public enum Answer {
    GOING("going", "Going"), MAYBE("maybe", "Maybe"), DECLINED("no", "Can't go");

    private final String typed;
    private final String label;

    Answer(String typed, String label) {
        this.typed = typed;
        this.label = label;
    }

    public String typed() {
        return typed;
    }

    public String label() {
        return label;
    }

    public static Optional<Answer> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "going", "yes", "y" -> Optional.of(GOING);
            case "maybe", "tentative" -> Optional.of(MAYBE);
            case "no", "n", "declined", "decline", "cant", "can't" -> Optional.of(DECLINED);
            default -> Optional.empty();
        };
    }
}
