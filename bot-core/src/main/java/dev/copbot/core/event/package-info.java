/**
 * Community events: creation (command and form), edits, cancellations, RSVPs, recurrence, durable reminders on db-
 * scheduler and iCalendar feeds.
 */
package dev.copbot.core.event;
