/**
 * The two values by which a host's HTTP server hands Slack's requests to the adapter and writes its answers back
 * (Slack's HTTP mode). A leaf of the public API, so {@code internal} can use it without reaching back into the
 * adapter's entry package.
 */
package dev.copbot.slack.http;
