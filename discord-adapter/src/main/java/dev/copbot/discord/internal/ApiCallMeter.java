package dev.copbot.discord.internal;

import dev.copbot.core.metrics.BotMeters;
import dev.copbot.core.platform.Platform;
import net.dv8tion.jda.api.events.http.HttpRequestEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Counts every REST call JDA makes, by route template (e.g. {@code POST channels/{channel_id}/messages}) and outcome;
 * JDA reports each response as an {@link HttpRequestEvent}, including each 429 its rate limiter then retries.
 */
public final class ApiCallMeter extends ListenerAdapter {
    @Override
    public void onHttpRequest(HttpRequestEvent event) {
        try {
            var route = event.getRoute().getBaseRoute();
            String method = route.getMethod() + " " + route.getRoute();
            var response = event.getResponse();
            int status = response == null || response.code < 0 ? 599 : response.code;
            BotMeters.apiCall(Platform.DISCORD, method, status, false);
        } catch (RuntimeException e) {
            // a meter must never break a call
        }
    }
}
