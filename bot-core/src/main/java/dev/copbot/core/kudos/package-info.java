/**
 * Kudos (the command and the reactions that give them) and the leaderboard. Kudos on a thread also count as expert
 * evidence.
 */
package dev.copbot.core.kudos;
