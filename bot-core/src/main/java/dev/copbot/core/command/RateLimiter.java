package dev.copbot.core.command;

import dev.copbot.core.platform.UserId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-person token buckets (Bucket4j), one per {@link Cost} a person has used, timed by the bot's clock so tests drive
 * time instead of sleeping. In memory and per process: a restart forgives everyone, which is fine for a brake on
 * bursts. Buckets of people idle long enough to be full again are dropped when the map grows large.
 */
public final class RateLimiter {
    private static final int MAX_BUCKETS = 100_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Key(UserId user, Cost cost) {}

    private final RateLimits limits;
    private final TimeMeter time;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one command of {@code cost} from the person's budget: empty when allowed, else how long to wait. */
    public Optional<Duration> take(UserId user, Cost cost) {
        int perMinute = limits.perMinute(cost);
        if (perMinute <= 0) {
            return Optional.empty();
        }
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(user, cost), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, WINDOW).build())
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public RateLimits limits() {
        return limits;
    }
}
