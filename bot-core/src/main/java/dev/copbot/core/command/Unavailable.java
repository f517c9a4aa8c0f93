package dev.copbot.core.command;

/**
 * A service the command needs is down for now (a remote search backend): the router answers with this message and
 * logs the cause once, without a reference, since nothing failed in the bot and nothing was lost.
 */
public class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The answer when the search backend cannot be reached. */
    public static Unavailable search(Throwable cause) {
        return new Unavailable("Search is unavailable right now, try again in a minute.", cause);
    }
}
