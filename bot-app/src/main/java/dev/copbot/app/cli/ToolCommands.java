package dev.copbot.app.cli;

import java.util.List;

/**
 * Subcommands that live outside bot-app, such as {@code eval} and {@code bench} of bot-tools: {@link dev.copbot.app.Main}
 * finds every implementation on the class path with {@link java.util.ServiceLoader} (a line naming it in
 * {@code META-INF/services/dev.copbot.app.cli.ToolCommands}) and adds its commands after its own.
 */
public interface ToolCommands {
    /** picocli command objects ({@code @Command}-annotated), in the order {@code copbot --help} lists them. */
    List<Object> commands();
}
