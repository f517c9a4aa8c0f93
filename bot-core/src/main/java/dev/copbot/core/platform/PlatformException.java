package dev.copbot.core.platform;

/** A platform refused or failed a call; the message is safe to show to a user. */
public class PlatformException extends RuntimeException {
    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
