package dev.copbot.app.http;

import dev.copbot.core.event.Events;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /calendar/<community>.ics}: the community's events as an iCalendar feed that calendar apps subscribe
 * to. Public on purpose (calendar apps cannot sign in), like the community list; it carries no RSVPs or names.
 */
public final class CalendarRoute implements BotHttpServer.Handler {
    public static final String PREFIX = "/calendar/";
    private static final Pattern PATH = Pattern.compile("/calendar/([a-z0-9][a-z0-9-]{1,39})\\.ics");

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
        Matcher m = PATH.matcher(request.path().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return HttpResponse.text(404, "no such calendar: use /calendar/<community>.ics, e.g. /calendar/data-science.ics");
        }
        return events.feed(m.group(1))
                .map(ics -> new HttpResponse(200, "text/calendar; charset=utf-8",
                        Map.of("Content-Disposition", "inline; filename=\"" + m.group(1) + ".ics\"",
                                "Cache-Control", "max-age=300"), ics.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> HttpResponse.text(404, "there is no community named '" + m.group(1) + "'"));
    }
}
