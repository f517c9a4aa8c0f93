package dev.copbot.tools.cli;

import dev.copbot.app.cli.ToolCommands;
import java.util.List;

/** {@code copbot eval} and {@code copbot bench}, offered to bot-app's command line through {@link ToolCommands}. */
public final class LabCommands implements ToolCommands {
    @Override
    public List<Object> commands() {
        return List.of(new EvalCommand(), new BenchCommand());
    }
}
