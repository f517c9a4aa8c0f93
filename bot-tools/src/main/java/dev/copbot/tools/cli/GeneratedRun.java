package dev.copbot.tools.cli;

import dev.copbot.app.cli.ConsoleCommand;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of a benchmark on a generated workspace, and the run around it: how many messages ({@code --messages},
 * at least 1000), where its files go ({@code --data}: an empty folder, else a temporary one removed after), quiet
 * logs, and the first line it prints.
 */
final class GeneratedRun {
    @Option(names = "--messages", defaultValue = "1000000", description = "messages to generate (default ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--data", paramLabel = "DIR", description = "where the benchmark builds its store, index and "
            + "files (default: a temporary directory, removed afterwards)")
    Path data;
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Refuses fewer than 1000 messages: a command with checks of its own may run this one first. */
    void check() {
        if (messages < 1_000) {
            throw new ParameterException(spec.commandLine(), "--messages must be at least 1000");
        }
    }

    /** Checks {@code --messages}, quietens the logs and runs {@code work} in the scratch folder. */
    void run(ScratchDir.Work work) throws Exception {
        check();
        ConsoleCommand.quietLogs();
        ScratchDir.use(data, "--data", spec, work);
    }

    /** "copbot bench NAME: N messages{details} in DIR (java V, C cores)": {@code details} start with ", " and end with ",". */
    String header(String name, String details, Path dir) {
        return String.format("copbot bench %s: %,d messages%s in %s (java %s, %d cores)", name, messages, details, dir,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
    }
}
