package dev.copbot.app.web;

import dev.copbot.app.web.Views.CommunitiesPage;
import dev.copbot.app.web.Views.CommunityRow;
import dev.copbot.app.web.Views.SortColumn;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.Community;
import dev.copbot.core.life.HealthFigures;
import dev.copbot.core.life.LifeFigures;
import dev.copbot.core.platform.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The all-communities page: every live community the viewer may see, with the numbers of {@code /cop health} over its
 * default 30 days (from the channels the viewer may read) and a 12-month trend of active participants; sortable by
 * any column through links, so sorting needs no script.
 */
final class CommunityViews {
    private record Scored(CommunityRow row, Community c, HealthFigures f) {}

    private static final Map<String, Comparator<Scored>> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("name", Comparator.comparing(s -> s.c().name()));
        SORTS.put("members", Comparator.comparingLong(s -> s.f().members()));
        SORTS.put("active", Comparator.comparingInt(s -> s.f().active()));
        SORTS.put("answer-rate", Comparator.comparingDouble(s -> s.f().answerRate()));
        SORTS.put("first-answer", Comparator.comparing(s -> s.f().medianFirstAnswer().orElse(Duration.ofDays(100_000))));
    }

    private static final Map<String, String> LABELS = Map.of("name", "Community", "members", "Members", "active",
            "Active participants", "answer-rate", "Answer rate", "first-answer", "Time to first answer");

    private final CopBot bot;

    CommunityViews(CopBot bot) {
        this.bot = bot;
    }

    CommunitiesPage all(UserId viewer, FormData query) {
        String sort = query.get("sort").filter(SORTS::containsKey).orElse("active");
        boolean ascending = query.get("dir").map("asc"::equals).orElse(sort.equals("name"));
        LifeFigures figures = bot.life().figures();
        Instant now = Instant.now(bot.clock());
        List<Scored> scored = new ArrayList<>();
        for (Community c : bot.privacy().visible(viewer, false)) {
            HealthFigures f = figures.health(c, viewer, now.minus(LifeFigures.DEFAULT_PERIOD), now);
            int[] trend = figures.activeTrend(c, viewer, LifeFigures.DEFAULT_PERIOD, 12);
            String description = "Active participants in each of the last 12 periods of 30 days, oldest first: "
                    + String.join(", ", java.util.Arrays.stream(trend).mapToObj(Integer::toString).toList());
            scored.add(new Scored(new CommunityRow(c.name(), "/dashboard/communities/" + encode(c.name()),
                    c.purpose().orElse(""), bot.privacy().isPrivate(c.name()), f.members(), f.active(),
                    LifeFigures.percent(f.activeShare()), f.asked() == 0 ? "no questions" : LifeFigures.percent(f.answerRate()),
                    f.medianFirstAnswer().map(LifeFigures::duration).orElse("—"), SvgCharts.sparkline(trend, description)),
                    c, f));
        }
        Comparator<Scored> order = SORTS.get(sort);
        scored.sort((ascending ? order : order.reversed()).thenComparing(s -> s.c().name()));
        List<SortColumn> columns = new ArrayList<>();
        for (String key : SORTS.keySet()) {
            boolean current = key.equals(sort);
            String dir = current && !ascending ? "asc" : current ? "desc" : key.equals("name") ? "asc" : "desc";
            columns.add(new SortColumn(LABELS.get(key), "/dashboard/?sort=" + key + "&dir=" + dir,
                    current ? (ascending ? "ascending" : "descending") : "none"));
        }
        return new CommunitiesPage(columns, scored.stream().map(Scored::row).toList(), "the last 30 days");
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }
}
