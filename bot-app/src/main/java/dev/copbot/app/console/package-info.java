/**
 * The local console: the bot on the terminal, as text or as one JSON reply a line for scripts, with a {@code
 * ChatPort} that prints what the bot posts.
 */
package dev.copbot.app.console;
