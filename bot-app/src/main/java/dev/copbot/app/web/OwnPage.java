package dev.copbot.app.web;

import dev.copbot.app.http.HttpResponse;
import dev.copbot.core.CopBot;
import dev.copbot.core.dashboard.WebSession;
import dev.copbot.core.expertise.ExpertPreferences;
import dev.copbot.core.kudos.KudosStore;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.reply.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Your own page: your communities, skills, kudos received, the events you are going to, and your expert settings.
 * Changes run the chat commands ({@code skills add}, {@code expert optout}, {@code away until:}) as you, so they
 * check and answer exactly as chat does; the answer comes back on the page after a redirect (a reload changes nothing).
 */
final class OwnPage {
    private final CopBot bot;

    OwnPage(CopBot bot) {
        this.bot = bot;
    }

    /** Runs a chat command as the session's person, in no channel of theirs (commands that need one say so). */
    static Reply run(CopBot bot, WebSession s, String command) {
        Actor actor = new Actor(s.user(), s.displayName(), Optional.empty(), s.admin());
        return bot.run(CommandInvoked.of(actor, s.user().channel("dashboard"), command));
    }

    Views.MePage of(WebSession s, String done, String error) {
        Instant now = Instant.now(bot.clock());
        List<Views.Link> communities = bot.privacy().store().communitiesOf(s.user()).stream()
                .filter(name -> bot.privacy().find(s.user(), name).isPresent())
                .map(name -> new Views.Link(name, "/dashboard/communities/" + CommunityViews.encode(name))).toList();
        Reply skills = run(bot, s, "skills list");
        List<String> declared = skills.data().get("skills") instanceof List<?> l ? l.stream().map(Object::toString).toList()
                : List.of();
        List<String> going = bot.events().goingFor(s.user(), 30).stream().map(g -> g.title() + " (" + g.community()
                + "), " + g.start().atZone(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ') + " UTC").toList();
        List<KudosStore.Kudos> kudos = bot.kudos().between(Optional.empty(), now.minus(Duration.ofDays(365)), now,
                ch -> bot.discussions().access().mayRead(s.user(), ch)).stream()
                .filter(k -> k.receiver().equals(s.user())).toList();
        List<String> lines = kudos.stream().limit(10).map(k -> "from " + bot.users().displayName(k.giver())
                + k.reason().map(r -> ": " + r).orElse("")).toList();
        ExpertPreferences.Preference p = bot.expertPreferences().of(s.user());
        String away = p.awayAt(now) ? p.awayUntil().map(u -> u.atZone(ZoneOffset.UTC).toLocalDate().toString()).orElse("")
                : "";
        return new Views.MePage(communities, declared, going, kudos.size(), lines, p.optedOut(), away, done, error);
    }

    HttpResponse change(WebSession s, FormData form) {
        String action = form.getOr("action", "");
        String command = switch (action) {
            case "skill-add" -> form.get("skill").map(v -> "skills add " + clean(v)).orElse(null);
            case "skill-remove" -> form.get("skill").map(v -> "skills remove " + clean(v)).orElse(null);
            case "opt-out" -> "expert optout";
            case "opt-in" -> "expert optin";
            case "away" -> form.get("until").map(v -> "away until:" + clean(v)).orElse(null);
            case "back" -> "away off";
            default -> null;
        };
        if (command == null) {
            return back("error", action.startsWith("skill") ? "Type a skill first." : action.equals("away")
                    ? "Choose the day you are back first." : "That change is not one this page makes.");
        }
        Reply reply = run(bot, s, command);
        return back(reply.ok() ? "done" : "error", reply.text());
    }

    private static HttpResponse back(String kind, String text) {
        String shortened = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return WebResponses.redirect(DashboardRoute.PREFIX + "/me?" + kind + "="
                + URLEncoder.encode(shortened, StandardCharsets.UTF_8), Map.of());
    }

    private static String clean(String v) {
        return v.replace('"', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }
}
