package dev.copbot.app.web;

import dev.copbot.app.web.Views.SearchHit;
import dev.copbot.app.web.Views.SearchPage;
import dev.copbot.core.CopBot;
import dev.copbot.core.community.Community;
import dev.copbot.core.dashboard.WebSession;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Search of past discussions: the form's fields become the very {@code /cop search} command, run as the signed-in
 * person, so the filters, the ranking and who may read which channel are those of chat.
 */
final class SearchView {
    static final List<String> FILTERS = List.of("in", "from", "before", "after", "is", "community");

    private final CopBot bot;

    SearchView(CopBot bot) {
        this.bot = bot;
    }

    SearchPage of(WebSession s, FormData form) {
        List<String> communities = bot.privacy().visible(s.user(), true).stream().map(Community::name).toList();
        String q = form.getOr("q", "");
        if (q.isEmpty()) {
            return page(form, communities, false, "", 0, List.of());
        }
        StringBuilder command = new StringBuilder("search ").append(clean(q));
        for (String key : FILTERS) {
            form.get(key).ifPresent(v -> command.append(' ').append(key).append(':').append(quoted(clean(v))));
        }
        Reply reply = OwnPage.run(bot, s, command.toString());
        if (!reply.ok()) {
            return page(form, communities, true, reply.text(), 0, List.of());
        }
        List<SearchHit> hits = new ArrayList<>();
        if (reply.data().get("results") instanceof List<?> results) {
            for (Object o : results) {
                if (o instanceof Map<?, ?> r) {
                    hits.add(new SearchHit(text(r, "title"), text(r, "channel_name"), text(r, "date"),
                            text(r, "snippet"), Boolean.TRUE.equals(r.get("solved")),
                            r.get("replies") instanceof Number n ? n.intValue() : 0, text(r, "permalink")));
                }
            }
        }
        int total = reply.data().get("total") instanceof Number n ? n.intValue() : hits.size();
        return page(form, communities, true, hits.isEmpty() ? reply.text() : "", total, hits);
    }

    private static SearchPage page(FormData f, List<String> communities, boolean searched, String message, int total,
                                   List<SearchHit> hits) {
        return new SearchPage(f.getOr("q", ""), f.getOr("in", ""), f.getOr("from", ""), f.getOr("before", ""),
                f.getOr("after", ""), f.getOr("is", ""), f.getOr("community", ""), communities, searched, message,
                total, hits);
    }

    /** The command's own quotes and line breaks cannot come from a form field. */
    private static String clean(String v) {
        return v.replace('"', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    private static String quoted(String v) {
        return v.contains(" ") ? "\"" + v + "\"" : v;
    }

    private static String text(Map<?, ?> row, String key) {
        Object v = row.get(key);
        return v == null ? "" : v.toString();
    }
}
