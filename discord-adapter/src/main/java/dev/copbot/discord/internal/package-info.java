/**
 * How Discord talks to the core, not part of the API: JDA listeners that turn slash commands, components, modals
 * and gateway events into {@code Inbound} values, the slash-command catalogue, the reply renderer and the {@code
 * ChatPort} over JDA.
 */
package dev.copbot.discord.internal;
