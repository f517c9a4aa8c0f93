package dev.copbot.core.community;

import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Field;
import java.util.List;
import java.util.Map;

/**
 * What features above this package add to {@code community info}: who is active, experts, the next event, health.
 * An interface here because the community package is at the bottom and may not know those features.
 */
public interface InfoDetails {
    InfoDetails NONE = new InfoDetails() {
        @Override
        public void add(Community c, UserId viewer, List<Field> fields, Map<String, Object> data) {}
    };

    /** Adds fields to the reply and keys to its data, as {@code viewer} may see them. */
    void add(Community c, UserId viewer, List<Field> fields, Map<String, Object> data);
}
