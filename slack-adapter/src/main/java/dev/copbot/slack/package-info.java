/**
 * The Slack adapter's public face: {@code SlackAdapter} builds a Bolt app around the core (Socket Mode or HTTP),
 * and {@code SlackScopes} lists the scopes it needs. Everything else is in {@code internal}.
 */
package dev.copbot.slack;
