/**
 * The dispatcher and the composition root. {@link dev.copbot.core.CopBot} is the transport-neutral bot that
 * adapters call with what their platform reports; it only dispatches, through the {@link
 * dev.copbot.core.command.Registry} that {@code Features} (the one class that knows every feature) fills at start.
 * No feature imports this package.
 */
package dev.copbot.core;
