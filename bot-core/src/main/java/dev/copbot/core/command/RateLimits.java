package dev.copbot.core.command;

/**
 * How many commands of each {@link Cost} one person may run a minute (0: no limit). A person may use the whole
 * minute's budget at once; it then refills evenly over the minute. The defaults are far above normal use.
 */
public record RateLimits(int searchesPerMinute, int asksPerMinute, int expertsPerMinute, int chartsPerMinute) {
    public RateLimits {
        for (int n : new int[] {searchesPerMinute, asksPerMinute, expertsPerMinute, chartsPerMinute}) {
            if (n < 0) {
                throw new IllegalArgumentException("a rate limit is 0 (none) or more, not " + n);
            }
        }
    }

    public static RateLimits defaults() {
        return new RateLimits(20, 10, 20, 10);
    }

    /** No limits at all: for benchmarks that run thousands of commands as one person. */
    public static RateLimits none() {
        return new RateLimits(0, 0, 0, 0);
    }

    /** The commands of {@code cost} one person may run a minute; 0 when unlimited. */
    public int perMinute(Cost cost) {
        return switch (cost) {
            case CHEAP -> 0;
            case SEARCH -> searchesPerMinute;
            case ASK -> asksPerMinute;
            case EXPERTS -> expertsPerMinute;
            case CHART -> chartsPerMinute;
        };
    }
}
