/**
 * Who knows about what: declared skills, the expert ranking over answered threads ({@code ExpertFinder}), expert
 * preferences (opt-out, away, snooze) and {@code /cop ask}, which routes a question to the experts.
 */
package dev.copbot.core.expertise;
