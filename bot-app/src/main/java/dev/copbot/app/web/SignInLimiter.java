package dev.copbot.app.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brake on sign-in attempts (Bucket4j): {@value #PER_MINUTE} a minute from one address, and {@value #ALL_PER_MINUTE}
 * a minute in all, so nobody can hammer the link check (a link is 128 random bits: guessing is hopeless anyway, the
 * limit keeps trying from costing us). Per process, like the command limits.
 */
final class SignInLimiter {
    static final int PER_MINUTE = 10;
    static final int ALL_PER_MINUTE = 300;
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final Bucket all = bucket(ALL_PER_MINUTE);

    /** Takes one attempt from {@code address}: false when it must wait. */
    boolean tryAcquire(String address) {
        if (perAddress.size() > MAX_ADDRESSES) {
            perAddress.values().removeIf(b -> b.getAvailableTokens() >= PER_MINUTE);
        }
        return perAddress.computeIfAbsent(address, a -> bucket(PER_MINUTE)).tryConsume(1) && all.tryConsume(1);
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
