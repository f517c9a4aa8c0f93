package dev.copbot.app;

import dev.copbot.app.cli.BenchCommand;
import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.app.cli.EvalCommand;
import dev.copbot.app.cli.ImportCommand;
import dev.copbot.app.cli.ReindexCommand;
import dev.copbot.app.cli.Failures;
import dev.copbot.app.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code copbot} command line. */
@Command(name = "copbot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "CoP Bot: a home for communities of practice in Slack and Discord.",
        subcommands = {RunCommand.class, ConsoleCommand.class, ImportCommand.class, ReindexCommand.class, EvalCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Failures());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"copbot " + (v == null ? "(development build)" : v)};
        }
    }
}
