package dev.copbot.tools.cli;

import dev.copbot.app.cli.FuzzHttpCommand;
import dev.copbot.app.cli.LoadHttpCommand;
import dev.copbot.app.cli.ToolCommands;
import java.util.List;

/**
 * The lab's commands, offered to bot-app's command line through {@link ToolCommands}: {@code eval}, {@code bench},
 * and the HTTP edge's fuzz and load runs (their harness stays in bot-app, whose /metrics test drives it too).
 */
public final class LabCommands implements ToolCommands {
    @Override
    public List<Object> commands() {
        return List.of(new EvalCommand(), new BenchCommand(), new FuzzHttpCommand(), new LoadHttpCommand());
    }
}
