/**
 * The picocli subcommands of {@code copbot}: run, console, import, reindex, and the options they share.
 */
package dev.copbot.app.cli;
