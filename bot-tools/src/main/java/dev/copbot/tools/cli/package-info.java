/**
 * The lab's commands ({@code copbot eval}, {@code copbot bench}), offered to bot-app's command line through {@code
 * ToolCommands}.
 */
package dev.copbot.tools.cli;
