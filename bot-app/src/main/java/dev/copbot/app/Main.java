package dev.copbot.app;

import dev.copbot.app.cli.BackupCommand;
import dev.copbot.app.cli.ConsoleCommand;
import dev.copbot.app.cli.Failures;
import dev.copbot.app.cli.ImportCommand;
import dev.copbot.app.cli.ReindexCommand;
import dev.copbot.app.cli.RestoreCommand;
import dev.copbot.app.cli.RunCommand;
import dev.copbot.app.cli.ToolCommands;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code copbot} command line: the product's own commands, then those of any {@link ToolCommands} on the class
 * path (bot-tools adds {@code eval} and {@code bench}), then {@code help}.
 */
@Command(name = "copbot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "CoP Bot: a home for communities of practice in Slack and Discord.",
        subcommands = {RunCommand.class, ConsoleCommand.class, ImportCommand.class, ReindexCommand.class,
                BackupCommand.class, RestoreCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lucene says at start that the JDK's incubating vector module is not enabled. Enabling it would print the JVM's
     * own incubator warning on every start instead, for a gain that matters for vector search, which we do not use.
     * Held in a field: JUL keeps loggers only weakly.
     */
    private static final Logger LUCENE_VECTORS =
            Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        // Initialise logging before any library starts a thread that logs; otherwise SLF4J warns about replayed calls.
        LoggerFactory.getILoggerFactory();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (ToolCommands tools : ServiceLoader.load(ToolCommands.class, Main.class.getClassLoader())) {
            tools.commands().forEach(cli::addSubcommand);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
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
