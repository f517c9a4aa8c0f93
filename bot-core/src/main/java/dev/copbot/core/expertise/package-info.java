/**
 * Who knows about what: declared skills, the expert ranking over answered threads ({@code ExpertFinder}), expert
 * preferences (opt-out, away, snooze) and {@code /cop ask}, which routes a question to the experts. Everyone's answer
 * record is kept in memory per workspace ({@code AnswerLedger}) and follows the store through its change log, like the
 * search index, so a question reads only the threads that match it.
 */
package dev.copbot.core.expertise;
