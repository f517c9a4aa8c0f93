/**
 * The line between the core and the platforms: typed, scoped ids ({@code UserId}, {@code ChannelId}, {@code
 * MessageId}), messages, reactions, actors, the {@code Inbound} events adapters report and the {@code ChatPort}
 * through which the core posts. Nothing Slack- or Discord-shaped crosses it.
 */
package dev.copbot.core.platform;
