package dev.copbot.core.platform;

import java.util.Locale;

/** Where an identity or a channel lives. Identities never cross from one platform (or workspace) to another. */
public enum Platform {
    SLACK, DISCORD, CONSOLE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Console identities have no workspace: {@code console:alice}; the others do: {@code slack:T1:U2}. */
    public boolean scoped() {
        return this != CONSOLE;
    }

    /** The workspace or guild as one string: {@code slack:T1}, {@code discord:42}, {@code console}. */
    public String workspace(String scope) {
        return scoped() ? key() + ":" + scope : key();
    }

    /** How every id of that workspace begins: {@code slack:T1:}, {@code console:}. */
    public String idPrefix(String scope) {
        return workspace(scope) + ":";
    }

    public static Platform fromKey(String key) {
        for (Platform p : values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + key + "' (expected slack, discord or console)");
    }
}
