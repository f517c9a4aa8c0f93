/**
 * The bot's own small HTTP server: calendar feeds and the routes that adapters mount (Slack's HTTP mode).
 */
package dev.copbot.app.http;
