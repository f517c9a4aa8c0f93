/**
 * Benchmarks: synthetic workspaces and Slack exports of any size, and the search benchmark that times the bot
 * against plain Lucene on the same index.
 */
package dev.copbot.tools.bench;
