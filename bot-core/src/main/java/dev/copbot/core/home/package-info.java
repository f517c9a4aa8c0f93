/**
 * A person's own page (Slack's App Home): their communities, skills and upcoming events, with buttons that run
 * commands.
 */
package dev.copbot.core.home;
