package dev.copbot.core.kudos;

import java.util.Set;

/** How many kudos one person may give a day, and which reactions give kudos to a message's author. */
public record KudosSettings(int perDay, Set<String> reactions) {
    public KudosSettings {
        if (perDay < 1) {
            throw new IllegalArgumentException("kudos per day must be at least 1");
        }
        reactions = Set.copyOf(reactions);
    }

    public static KudosSettings defaults() {
        return new KudosSettings(5, Set.of("kudos", "clap", "\uD83D\uDC4F"));
    }
}
