package dev.copbot.slack.internal;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.response.Response;
import org.slf4j.LoggerFactory;

/**
 * Tells a request's fault from ours: what a signed but malformed body makes Slack's SDK throw (form encoding or JSON
 * that does not parse, a field of the wrong shape, a required field missing), and a one-line reason for it.
 */
final class MalformedRequests {
    private MalformedRequests() {}

    /**
     * Whether an exception out of Bolt's handling of a signed request is the payload's fault: what parsers throw for
     * input of the wrong shape, or anything thrown while no code of ours was running (Bolt's middleware and listener
     * matching read fields a malformed payload lacks, e.g. a view_closed without its view). An exception thrown in our
     * listeners (a frame of ours above {@code BoltWiring}) is our bug. A JIT-optimised exception has no stack trace
     * at all: it is taken as Bolt's, since our listeners catch and log their own failures before it could recur.
     */
    static boolean isMalformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedException || t instanceof JsonParseException || t instanceof IllegalArgumentException
                    || t instanceof ClassCastException) {
                return true;
            }
        }
        return !thrownInOurCode(e);
    }

    private static boolean thrownInOurCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String c = frame.getClassName();
                if (c.equals(BoltWiring.class.getName())) {
                    break; // below here is the call into Bolt, not code that handled the payload
                }
                if (c.startsWith("dev.copbot.")) {
                    return true;
                }
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
    static Response answer(String what, RuntimeException e) {
        String reason = what + ": " + reason(e);
        LoggerFactory.getLogger(MalformedRequests.class).warn("malformed Slack request refused: {}", reason);
        return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                .body("malformed request: " + reason).build();
    }
}
