/**
 * The Discord adapter's public face: {@code DiscordAdapter} connects a JDA session to the core, and {@code
 * MessageHistory} reads a channel's history for backfills. Everything else is in {@code internal}.
 */
package dev.copbot.discord;
