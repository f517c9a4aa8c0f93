package dev.copbot.app.cli;

import dev.copbot.app.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** A command that fails says why in one line on stderr; the stack trace goes to the log at debug level only. */
public final class Failures implements CommandLine.IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        log.debug("copbot {} failed", cli.getCommandName(), e);
        String reason = e instanceof ConfigException ? "configuration: " + e.getMessage() : describe(e);
        cli.getErr().println("copbot " + cli.getCommandName() + ": " + reason);
        return 1;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null || msg.contains(root.getMessage()) ? msg : msg + " (" + root.getMessage() + ")";
    }
}
