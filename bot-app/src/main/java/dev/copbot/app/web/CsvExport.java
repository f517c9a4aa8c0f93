package dev.copbot.app.web;

import dev.copbot.app.http.HttpResponse;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.Community;
import dev.copbot.core.life.HealthFigures;
import dev.copbot.core.life.LifeFigures;
import dev.copbot.core.platform.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The communities table as CSV, for the monthly slide and the spreadsheet behind it: the same health figures over the
 * same 30 days as the page and {@code /cop health}, one row a community the viewer may see. A cell that a spreadsheet
 * would take for a formula (a purpose starting with =, +, - or @) is written as text.
 */
final class CsvExport {
    static final String HEADER = "community,purpose,private,members,active,active_members,active_share,asked,answered,"
            + "answer_rate,median_first_answer_minutes,solved,events_held,from,to";

    private final CopBot bot;

    CsvExport(CopBot bot) {
        this.bot = bot;
    }

    HttpResponse communities(UserId viewer) {
        Instant now = Instant.now(bot.clock());
        Instant from = now.minus(LifeFigures.DEFAULT_PERIOD);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Community c : bot.privacy().visible(viewer, false)) {
            HealthFigures f = bot.life().figures().health(c, viewer, from, now);
            Map<String, Object> d = f.data();
            csv.append(row(List.of(c.name(), c.purpose().orElse(""), bot.privacy().isPrivate(c.name()), f.members(),
                    f.active(), f.activeMembers(), d.get("activeShare"), f.asked(), f.answered(), d.get("answerRate"),
                    d.get("medianFirstAnswerMinutes") == null ? "" : d.get("medianFirstAnswerMinutes"), f.solved(),
                    f.eventsHeld(), from, now))).append("\r\n");
        }
        String name = "communities-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ".csv";
        return new HttpResponse(200, "text/csv; charset=utf-8", Map.of("Content-Disposition",
                "attachment; filename=\"" + name + "\"", "Cache-Control", "no-store",
                "Content-Security-Policy", WebResponses.CSP), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String row(List<Object> cells) {
        return cells.stream().map(c -> cell(String.valueOf(c))).collect(Collectors.joining(","));
    }

    static String cell(String v) {
        String text = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+") ? "'" + v : v;
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
