package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read what, decided at query time. Public channels of the asker's own workspace or guild are open to them;
 * private channels and DMs only to their members, asked of the platform (cached briefly) or, with no connection to
 * it (the console on an import), taken from the membership the store last saw. Other workspaces: never.
 */
public final class AccessControl {
    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);

    private record Entry(boolean allowed, Instant expires) {}

    private final MessageStore store;
    private final ChatPorts ports;
    private final Clock clock;
    private final Duration ttl;
    private static final int MAX_ENTRIES = 50_000;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<ChannelId, Entry> visibility = new ConcurrentHashMap<>();

    public AccessControl(MessageStore store, ChatPorts ports, Clock clock, Duration ttl) {
        this.store = store;
        this.ports = ports;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * What the asker may read now: their workspace's threads, less the restricted channels they are not in.
     * {@link ThreadQuery} turns it into query clauses, leaving out the ones that would exclude nothing.
     */
    public record Rule(String workspace, List<String> closedChannels) {
        public Rule {
            closedChannels = List.copyOf(closedChannels);
        }
    }

    public Rule ruleFor(UserId asker) {
        List<String> closed = store.channels().restrictedWithMessages(asker.platform(), asker.scope()).stream()
                .filter(c -> !mayRead(asker, c)).map(ChannelId::toString).toList();
        return new Rule(asker.workspace(), closed);
    }

    public boolean mayRead(UserId user, ChannelId channel) {
        if (!channel.sameScope(user)) {
            return false;
        }
        Instant now = clock.instant();
        if (isPublic(channel, now)) {
            return true;
        }
        String key = user + "\u0000" + channel;
        Entry e = cache.get(key);
        if (e != null && e.expires().isAfter(now)) {
            return e.allowed();
        }
        boolean allowed = ask(user, channel);
        if (cache.size() > MAX_ENTRIES) {
            cache.values().removeIf(old -> !old.expires().isAfter(now)); // keep the cache to live answers
        }
        cache.put(key, new Entry(allowed, now.plus(ttl)));
        return allowed;
    }

    /**
     * Whether the store knows the channel as public, remembered per channel for the cache's lifetime: a search checks
     * every restricted channel, and reading the store for each added up.
     */
    private boolean isPublic(ChannelId channel, Instant now) {
        Entry known = visibility.get(channel);
        if (known == null || !known.expires().isAfter(now)) {
            boolean open = store.channels().find(channel).map(c -> c.visibility() == Visibility.PUBLIC)
                    .orElse(false);
            known = new Entry(open, now.plus(ttl));
            visibility.put(channel, known);
        }
        return known.allowed();
    }

    /** Membership changed: the next check asks again. */
    public void forget(UserId user, ChannelId channel) {
        cache.remove(user + "\u0000" + channel);
    }

    /** The channel changed (purged, enabled, disabled), here or on another replica: every check of it asks again. */
    public void forget(ChannelId channel) {
        visibility.remove(channel);
        String suffix = "\u0000" + channel;
        cache.keySet().removeIf(k -> k.endsWith(suffix));
    }

    private boolean ask(UserId user, ChannelId channel) {
        Optional<ChatPort> port = ports.of(channel.platform());
        if (port.isPresent()) {
            try {
                return port.get().mayRead(user, channel);
            } catch (RuntimeException e) {
                log.warn("could not check whether {} may read {}: {}; treating as no", user, channel, e.getMessage());
                return false;
            }
        }
        return store.members().contains(channel, user);
    }
}
