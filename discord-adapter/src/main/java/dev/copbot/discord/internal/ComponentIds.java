package dev.copbot.discord.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Packs a core button's action and value (or a form's id and context) into Discord's 100-character custom id, so a
 * click still works after a restart. The rare pair that does not fit is kept in memory under a short key: such a
 * button answers "no longer active" after a restart, which the core already words for the user.
 */
public final class ComponentIds {
    private static final int MAX = 100;
    private static final String SEPARATOR = "|";
    private static final String OVERFLOW = "~";

    private final Map<String, String[]> overflow = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            return size() > 10_000;
        }
    });

    public String encode(String first, String second) {
        String packed = first + SEPARATOR + second;
        if (packed.length() <= MAX && !first.contains(SEPARATOR) && !first.startsWith(OVERFLOW)) {
            return packed;
        }
        String key = OVERFLOW + UUID.randomUUID();
        overflow.put(key, new String[] {first, second});
        return key;
    }

    /** The pair, or empty when the id is not ours or was kept in memory by an earlier run. */
    public Optional<String[]> decode(String customId) {
        if (customId.startsWith(OVERFLOW)) {
            return Optional.ofNullable(overflow.get(customId));
        }
        int at = customId.indexOf(SEPARATOR);
        return at < 0 ? Optional.empty()
                : Optional.of(new String[] {customId.substring(0, at), customId.substring(at + 1)});
    }
}
