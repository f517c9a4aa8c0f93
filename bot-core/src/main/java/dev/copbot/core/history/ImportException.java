package dev.copbot.core.history;

/** An import cannot start or go on (no export at that path, no workspace id…): the message says why and what to do. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }
}
