/**
 * The discussions the bot keeps: messages, channels and members in the store, threads in the Lucene index, who may
 * read what ({@code AccessControl}), {@code /cop search} and its ranking, and {@code Activity}, the shared
 * counting of threads, answers and participants that health, digests and experts read.
 */
package dev.copbot.core.discussion;
