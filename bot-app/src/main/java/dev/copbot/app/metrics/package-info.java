/**
 * The Prometheus side of the bot's meters: the registry, JVM, process, scheduler and index-lag meters, and the
 * {@code /metrics} route with its optional bearer token.
 */
package dev.copbot.app.metrics;
