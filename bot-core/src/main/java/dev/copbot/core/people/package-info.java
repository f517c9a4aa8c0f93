/**
 * People as the bot knows them: display names, last seen, and parsing of mentions in command text.
 */
package dev.copbot.core.people;
