package dev.copbot.core.command;

/**
 * A part of the bot that plugs into the core: it hands the {@link Registry} its commands, forms, listeners and jobs.
 * Adding a feature is writing one of these and registering it in the composition root ({@code Features}).
 */
@FunctionalInterface
public interface Feature {
    void register(Registry registry);
}
