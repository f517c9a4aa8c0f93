/**
 * The bottom of every feature's commands: the tokenizer, {@link dev.copbot.core.command.CommandSpec} (a command as
 * data: words, parameters, options, access, examples), the router that turns text into a handler call or a helpful
 * refusal, {@code help}, and the {@link dev.copbot.core.command.Registry} through which a {@link
 * dev.copbot.core.command.Feature} plugs in its commands, forms, listeners and jobs.
 */
package dev.copbot.core.command;
