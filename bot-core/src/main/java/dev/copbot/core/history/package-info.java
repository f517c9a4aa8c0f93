/**
 * Imports of Slack and Discord exports into the store: readers for each format (package-private parsing beside
 * them), resumable progress, and the summary an import prints.
 */
package dev.copbot.core.history;
