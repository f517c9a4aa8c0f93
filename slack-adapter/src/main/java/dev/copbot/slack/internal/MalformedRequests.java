package dev.copbot.slack.internal;

import com.google.gson.JsonParseException;

/**
 * Tells a request's fault from ours: what a signed but malformed body makes Slack's SDK throw (form encoding or JSON
 * that does not parse, a field of the wrong shape, a required field missing), and a one-line reason for it.
 */
final class MalformedRequests {
    private MalformedRequests() {}

    static boolean isMalformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedException || t instanceof JsonParseException || t instanceof IllegalArgumentException
                    || t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("Expected")
                    || t instanceof NumberFormatException || t instanceof ClassCastException
                    || t instanceof UnsupportedOperationException && isInParser(t)
                    || t instanceof NullPointerException && isInParser(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Thrown while Slack's SDK read the payload (its parsers, Bolt's middleware and listener matching look into
     * fields a malformed payload lacks), not in our listeners, where a null is our bug.
     */
    private static boolean isInParser(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("dev.copbot.")) {
                return false;
            }
            if (c.startsWith("com.google.gson.") || c.startsWith("com.slack.api.")) {
                return true;
            }
        }
        return false;
    }

    /** What a listener throws for a payload that lacks what it needs. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** The exception's kind and first line, cut to 200 characters, for the 400's body and the WARN line. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        String line = root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    /**
     * The 400 a listener answers when a signed payload lacks what it needs (a team, a user, a channel) or carries ids
     * of the wrong shape: logged at WARN, one line, no stack trace.
     */
    static com.slack.api.bolt.response.Response answer(String what, RuntimeException e) {
        String reason = what + ": " + reason(e);
        org.slf4j.LoggerFactory.getLogger(MalformedRequests.class).warn("malformed Slack request refused: {}", reason);
        return com.slack.api.bolt.response.Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                .body("malformed request: " + reason).build();
    }
}
