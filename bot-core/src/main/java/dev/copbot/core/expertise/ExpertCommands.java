package dev.copbot.core.expertise;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.repeated;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Cost;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.Token;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.CommunityChannels;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code experts <topic>}, {@code expert optout|optin}, {@code away [until:date]}. */
public final class ExpertCommands implements Feature {
    public static final int SHOWN = 5;

    private final ExpertFinder finder;
    private final ExpertPreferences preferences;
    private final Privacy privacy;
    private final UserDirectory users;

    public ExpertCommands(ExpertFinder finder, ExpertPreferences preferences, Privacy privacy, UserDirectory users) {
        this.privacy = privacy;
        this.finder = finder;
        this.preferences = preferences;
        this.users = users;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("experts").param(repeated("topic")).option("community", "name").access(Access.MEMBER)
                .cost(Cost.EXPERTS)
                .summary("Who knows about a topic, ranked by answers they gave that were accepted or thanked.")
                .example("/cop experts kafka consumer lag").example("/cop experts tls rotation community:sre")
                .handler(this::experts));
        registry.command(command("expert optout").access(Access.MEMBER)
                .summary("Never list me as an expert.").example("/cop expert optout").handler(c -> optOut(c, true)));
        registry.command(command("expert optin").access(Access.MEMBER)
                .summary("List me as an expert again.").example("/cop expert optin").handler(c -> optOut(c, false)));
        registry.command(command("away").param(optional("off")).option("until", "YYYY-MM-DD").access(Access.MEMBER)
                .summary("List me lower, marked away (until a date, or until /cop away off).")
                .example("/cop away until:2026-12-31").example("/cop away off").handler(this::away));
    }

    private Reply experts(CommandContext ctx) {
        String topic = String.join(" ", ctx.args().stream().map(Token::display).toList());
        List<ChannelId> channels = ctx.option("community")
                .map(name -> CommunityChannels.of(privacy, ctx.actor().id(), name, "it has no discussions to learn from"))
                .orElse(List.of());
        Instant now = ctx.clock().instant();
        List<ExpertFinder.Expert> found = finder.find(ctx.actor().id(), topic, channels, now, SHOWN);
        if (found.isEmpty()) {
            return Reply.ok("Nobody has answered threads about '" + topic + "' that you can read yet, and nobody "
                    + "declared it as a skill. Try other words, or ask the community: /cop ask " + topic)
                    .withData("topic", topic).withData("experts", List.of());
        }
        ZoneId zone = ctx.actor().zone().orElse(ZoneOffset.UTC);
        List<Map<String, Object>> data = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int rank = 0;
        for (ExpertFinder.Expert e : found) {
            String name = users.displayName(e.user());
            String reason = reason(e, now, zone);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ++rank);
            row.put("user", e.user().id());
            row.put("identity", e.user().toString());
            row.put("name", name);
            row.put("score", Math.round(e.score() * 1000) / 1000.0);
            row.put("reason", reason);
            row.put("away", e.away());
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (ExpertFinder.Proof p : e.evidence()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("permalink", p.permalink());
                ev.put("channel", p.channel().id());
                ev.put("thread", p.thread());
                ev.put("accepted", p.accepted());
                evidence.add(ev);
            }
            row.put("evidence", evidence);
            data.add(row);
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < e.evidence().size(); i++) {
                ExpertFinder.Proof p = e.evidence().get(i);
                fields.add(new Field((p.accepted() ? "Accepted answer " : "Answer ") + (i + 1), p.permalink()));
            }
            blocks.add(new Block.Section(rank + ". " + name + (e.away() ? " (away)" : ""), reason, fields));
        }
        return Reply.ok("People who know about '" + topic + "', best first:").withBlocks(blocks)
                .with(new Block.Context("Ranked by answers on matching threads (accepted and thanked ones count most, "
                        + "recent ones more) and declared skills. Only threads you can read count."))
                .withData("topic", topic).withData("experts", data);
    }

    /** "3 accepted answers on matching threads, latest 2 months ago; declared skill: kafka; away until 2026-12-01". */
    static String reason(ExpertFinder.Expert e, Instant now, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        if (e.accepted() > 0) {
            counts.add(e.accepted() + (e.accepted() == 1 ? " accepted answer" : " accepted answers"));
        }
        if (e.thanked() > 0) {
            counts.add(e.thanked() + (e.thanked() == 1 ? " thanked answer" : " thanked answers"));
        }
        if (e.answered() > 0) {
            counts.add(e.answered() + (e.answered() == 1 ? " other answer" : " other answers"));
        }
        if (!counts.isEmpty()) {
            parts.add(String.join(", ", counts) + " on matching threads"
                    + e.latest().map(l -> ", latest " + ago(l, now)).orElse(""));
        }
        if (e.kudos() > 0) {
            parts.add(Plural.of(e.kudos(), "kudo", "kudos") + " on those threads");
        }
        if (!e.skills().isEmpty()) {
            parts.add((e.skills().size() == 1 ? "declared skill: " : "declared skills: ") + String.join(", ", e.skills()));
        }
        if (e.away()) {
            parts.add(e.awayUntil().filter(u -> u.isBefore(Instant.parse("9999-01-01T00:00:00Z")))
                    .map(u -> "away until " + lastDay(u, zone)).orElse("away"));
        }
        return String.join("; ", parts);
    }

    static String ago(Instant then, Instant now) {
        long days = Math.max(0, Duration.between(then, now).toDays());
        if (days < 1) {
            return "today";
        }
        if (days < 45) {
            return days == 1 ? "yesterday" : days + " days ago";
        }
        if (days < 548) {
            long months = Math.round(days / 30.44);
            return months + (months == 1 ? " month ago" : " months ago");
        }
        long years = Math.round(days / 365.25);
        return years + (years == 1 ? " year ago" : " years ago");
    }

    private Reply optOut(CommandContext ctx, boolean out) {
        preferences.setOptedOut(ctx.actor().id(), out, ctx.clock().instant());
        return Reply.ok(out ? "You will not be listed as an expert. /cop expert optin undoes it."
                : "You can be listed as an expert again.").withData("optedOut", out);
    }

    /** Away until:D is stored as the start of the day after D, the first moment back; people read D, the last day away. */
    static java.time.LocalDate lastDay(Instant firstMomentBack, ZoneId zone) {
        return firstMomentBack.minusSeconds(1).atZone(zone).toLocalDate();
    }

    private Reply away(CommandContext ctx) {
        Instant now = ctx.clock().instant();
        if (ctx.optionalArg(0).isPresent()) {
            if (!ctx.arg(0).equalsIgnoreCase("off")) {
                throw new UserError("'" + ctx.arg(0) + "' is not understood here: write /cop away until:YYYY-MM-DD, "
                        + "/cop away, or /cop away off." + Suggestions.didYouMean(ctx.arg(0), List.of("off")));
            }
            if (ctx.option("until").isPresent()) {
                throw new UserError("Either away off or away until:date, not both.");
            }
            preferences.setAwayUntil(ctx.actor().id(), Optional.empty(), now);
            return Reply.ok("Welcome back: you are no longer marked away.").withData("awayUntil", null);
        }
        ZoneId zone = ctx.actor().zone().orElse(ZoneOffset.UTC);
        Instant until = ctx.option("until").map(d -> {
            try {
                return LocalDate.parse(d.strip()).plusDays(1).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new UserError("'" + d + "' is not a date: write until:YYYY-MM-DD, e.g. until:2026-12-31.");
            }
        }).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!until.isAfter(now)) {
            throw new UserError("That date is already past; give a day from today on.");
        }
        preferences.setAwayUntil(ctx.actor().id(), Optional.of(until), now);
        String when = ctx.option("until").map(d -> " until the end of " + d.strip()).orElse(" until you say /cop away off");
        return Reply.ok("You are marked away" + when + ": you are listed lower, with a note, and not asked for help.")
                .withData("awayUntil", until.toString());
    }

}
