/**
 * The runnable bot: {@code Main} (the {@code copbot} command line) and {@code BotRuntime}, which opens the store
 * and the index, builds the core, starts the scheduler and the index flusher, and closes them in order.
 */
package dev.copbot.app;
