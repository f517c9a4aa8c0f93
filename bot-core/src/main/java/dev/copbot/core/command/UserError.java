package dev.copbot.core.command;

/**
 * Bad input or a refused action, explained for the person who typed it. The router turns it into an {@code ok:false}
 * reply with the command's usage; nothing was changed when one is thrown.
 */
public class UserError extends RuntimeException {
    private final boolean showUsage;

    public UserError(String message) {
        this(message, true);
    }

    public UserError(String message, boolean showUsage) {
        super(message, null, false, false);
        this.showUsage = showUsage;
    }

    /** A refusal that is not about how the command was written (permissions, state): usage would only distract. */
    public static UserError refused(String message) {
        return new UserError(message, false);
    }

    public boolean showUsage() {
        return showUsage;
    }
}
