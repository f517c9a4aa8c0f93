package dev.copbot.core.command;

/**
 * How expensive a command is to run, for the per-person rate limits ({@link RateLimits}): most commands are
 * {@link #CHEAP} and never limited; search, asking, expert ranking and chart rendering each have a budget of their own.
 */
public enum Cost {
    CHEAP("commands"),
    SEARCH("searches"),
    ASK("questions to experts"),
    EXPERTS("expert look-ups"),
    CHART("health charts");

    private final String plural;

    Cost(String plural) {
        this.plural = plural;
    }

    /** How the reply names what was limited, e.g. "searches". */
    public String plural() {
        return plural;
    }
}
