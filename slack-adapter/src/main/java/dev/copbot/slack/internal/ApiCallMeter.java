package dev.copbot.slack.internal;

import com.slack.api.util.http.listener.HttpResponseListener;
import dev.copbot.core.metrics.BotMeters;
import dev.copbot.core.platform.Platform;

/**
 * Counts every answer the Slack SDK receives (Web API methods and response URLs), by method and outcome: the SDK runs
 * its response listeners for each HTTP response, including each 429 it then waits out and retries.
 */
public final class ApiCallMeter extends HttpResponseListener {
    @Override
    public void accept(State state) {
        try {
            okhttp3.Response response = state.getResponse();
            String path = response.request().url().encodedPath();
            int api = path.indexOf("/api/");
            String method = api >= 0 ? path.substring(api + "/api/".length()) : "response_url";
            if (!method.matches("[A-Za-z0-9._]{1,64}")) {
                method = "other";
            }
            String body = state.getParsedResponseBody();
            boolean refused = api >= 0 && body != null && body.contains("\"ok\":false");
            BotMeters.apiCall(Platform.SLACK, method, response.code(), refused);
        } catch (RuntimeException e) {
            // a meter must never break a call
        }
    }
}
