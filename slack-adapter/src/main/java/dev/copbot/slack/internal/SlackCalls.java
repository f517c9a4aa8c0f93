package dev.copbot.slack.internal;

import com.slack.api.methods.SlackApiTextResponse;
import dev.copbot.core.platform.PlatformException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the SDK's asynchronous calls, and Slack's refusals as clear {@link PlatformException}s. */
final class SlackCalls {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    private SlackCalls() {}

    /** Waits for the SDK (which has already waited out any rate limit) and turns a refusal into a clear message. */
    static <T extends SlackApiTextResponse> T call(String method, CompletableFuture<T> future) {
        return ok(method, await(method, future));
    }

    static <T extends SlackApiTextResponse> T await(String method, CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while calling Slack " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PlatformException("Slack did not answer " + method + " (" + rootMessage(e) + ")", e);
        }
    }

    static <T extends SlackApiTextResponse> T ok(String method, T response) {
        if (!response.isOk()) {
            throw new PlatformException("Slack refused " + method + ": " + response.getError());
        }
        return response;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
