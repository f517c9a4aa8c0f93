package dev.copbot.app.web;

import dev.copbot.app.http.HttpResponse;
import dev.copbot.app.web.Views.Frame;
import dev.copbot.core.CopBot;
import dev.copbot.core.dashboard.WebSession;
import java.util.Map;
import java.util.Optional;

/** The signed-in pages: each builds its view for the session's person and renders it. */
final class Pages {
    private final Templates templates;
    private final CommunityViews communities;
    private final CommunityPageView community;
    private final AuditView audit;
    private final SearchView search;
    private final OwnPage me;
    private final CsvExport csv;

    Pages(CopBot bot, Optional<String> publicUrl, Templates templates) {
        this.templates = templates;
        this.communities = new CommunityViews(bot);
        this.community = new CommunityPageView(bot, publicUrl);
        this.audit = new AuditView(bot);
        this.search = new SearchView(bot);
        this.me = new OwnPage(bot);
        this.csv = new CsvExport(bot);
    }

    HttpResponse communities(WebSession s, FormData query) {
        return page("communities", frame("Communities", "communities", s), communities.all(s.user(), query));
    }

    HttpResponse community(WebSession s, String name) {
        return community.of(name, s.user(), s.admin())
                .map(p -> page("community", frame(p.name(), "communities", s), p))
                .orElseGet(() -> message(404, s, "No such community", "There is no community named '" + name
                        + "' that you can see. The list of communities shows those you can."));
    }

    /** Audit, search and your own page; anything else is not found. */
    HttpResponse other(String path, WebSession s, FormData form, boolean post) {
        return switch (path) {
            case DashboardRoute.PREFIX + "/audit" -> s.admin()
                    ? page("audit", frame("Audit", "audit", s), audit.of(s.user()))
                    : message(403, s, "For admins", "The audit is for admins, as /cop audit is in chat.");
            case DashboardRoute.PREFIX + "/communities.csv" -> csv.communities(s.user());
            case DashboardRoute.PREFIX + "/search" -> page("search", frame("Search", "search", s), search.of(s, form));
            case DashboardRoute.PREFIX + "/me" -> post ? me.change(s, form)
                    : page("me", frame("Your page", "me", s), me.of(s, form.getOr("done", ""), form.getOr("error", "")));
            default -> message(404, s, "Not found", "There is no page at this address.");
        };
    }

    HttpResponse message(int status, WebSession s, String heading, String text) {
        return WebResponses.html(status, templates.render("message", Map.of("frame", frame(heading, "", s),
                "heading", heading, "text", text)));
    }

    private HttpResponse page(String template, Frame frame, Object page) {
        return WebResponses.html(200, templates.render(template, Map.of("frame", frame, "page", page)));
    }

    private static Frame frame(String title, String current, WebSession s) {
        return new Frame(title, current, DashboardRoute.viewer(s));
    }
}
