package dev.copbot.slack.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A small map whose entries expire, for answers Slack gives that change rarely (profiles, channel membership). */
final class Expiring<K, V> {
    private record Entry<V>(V value, Instant until) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int maxSize;

    Expiring(Duration ttl, Clock clock, int maxSize) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** The cached value, or {@code load}'s (cached unless empty: a failed lookup is retried next time). */
    Optional<V> get(K key, Function<K, Optional<V>> load) {
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.until().isAfter(now)) {
            return Optional.of(e.value());
        }
        Optional<V> fresh = load.apply(key);
        fresh.ifPresent(v -> put(key, v));
        return fresh;
    }

    void put(K key, V value) {
        Instant now = clock.instant();
        if (entries.size() >= maxSize) {
            entries.values().removeIf(old -> !old.until().isAfter(now));
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now.plus(ttl)));
    }

    Optional<V> peek(K key) {
        Entry<V> e = entries.get(key);
        return e != null && e.until().isAfter(clock.instant()) ? Optional.of(e.value()) : Optional.empty();
    }
}
