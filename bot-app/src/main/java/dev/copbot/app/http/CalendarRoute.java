package dev.copbot.app.http;

import dev.copbot.core.event.Events;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar feeds that calendar apps subscribe to (they cannot sign in). {@code GET /calendar/<community>.ics} is the
 * public feed of a public community; a private community (one with a channel that is not public) has only per-person
 * feeds at {@code GET /calendar/<community>/<token>.ics}, whose secret token {@code /cop event feed} gives its owner.
 * A private community's public address, an unknown or revoked token, and a community that does not exist all get the
 * same 404, so the address tells nothing. Feeds carry no RSVPs or names.
 */
public final class CalendarRoute implements BotHttpServer.Handler {
    public static final String PREFIX = "/calendar/";
    private static final String NAME = "([a-z0-9][a-z0-9-]{1,39})";
    private static final Pattern PUBLIC = Pattern.compile("/calendar/" + NAME + "\\.ics");
    private static final Pattern PERSONAL = Pattern.compile("/calendar/" + NAME + "/([0-9a-z]{1,64})\\.ics");
    private static final String NOT_FOUND = "no such calendar: use /calendar/<community>.ics for a public community, "
            + "or the address /cop event feed gives you";

    private final Events events;

    public CalendarRoute(Events events) {
        this.events = events;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.method().equals("GET")) {
            return new HttpResponse(405, "text/plain; charset=utf-8", Map.of("Allow", "GET"),
                    "use GET".getBytes(StandardCharsets.UTF_8));
        }
        String path = request.path().toLowerCase(Locale.ROOT);
        Matcher open = PUBLIC.matcher(path);
        if (open.matches()) {
            return calendar(open.group(1), events.feed(open.group(1)), "public, max-age=300");
        }
        Matcher personal = PERSONAL.matcher(path);
        if (personal.matches()) {
            // Not for shared caches, and the secret address must not leak through a Referer.
            return calendar(personal.group(1), events.feed(personal.group(1), personal.group(2)), "private, max-age=300");
        }
        return HttpResponse.text(404, NOT_FOUND);
    }

    private static HttpResponse calendar(String community, Optional<String> ics, String cache) {
        return ics.map(body -> new HttpResponse(200, "text/calendar; charset=utf-8",
                        Map.of("Content-Disposition", "inline; filename=\"" + community + ".ics\"",
                                "Cache-Control", cache, "Referrer-Policy", "no-referrer"),
                        body.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> HttpResponse.text(404, NOT_FOUND));
    }
}
