package dev.copbot.discord.internal;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Community names for autocomplete, read through the core's own {@code communities} command (its JSON data). */
final class CommunityNames {
    private final Function<Inbound.CommandInvoked, Reply> core;

    CommunityNames(Function<Inbound.CommandInvoked, Reply> core) {
        this.core = core;
    }

    List<String> matching(Actor asker, ChannelId where, String typed, int max) {
        Reply reply = core.apply(Inbound.CommandInvoked.of(asker, where, "communities"));
        if (!(reply.data().get("communities") instanceof List<?> rows)) {
            return List.of();
        }
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        return rows.stream().filter(Map.class::isInstance).map(r -> String.valueOf(((Map<?, ?>) r).get("name")))
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(prefix))
                .sorted((a, b) -> Boolean.compare(!a.toLowerCase(Locale.ROOT).startsWith(prefix),
                        !b.toLowerCase(Locale.ROOT).startsWith(prefix)))
                .limit(max).toList();
    }
}
