/**
 * How Slack talks to the core, not part of the API: Bolt listeners that parse commands, events and interactions
 * into {@code Inbound} values, the renderer of replies as Block Kit, modals, uploads and the {@code ChatPort} over
 * Slack's Web API.
 */
package dev.copbot.slack.internal;
