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
public record ExpertCommands(ExpertFinder finder, ExpertPreferences preferences, Privacy privacy, UserDirectory users)
        implements Feature {
    public static final int SHOWN = 5;
    /** The longest list {@code top:N} gives: beyond twenty, a ranking says little. */
    public static final int MOST = 20;

    @Override
    public void register(Registry registry) {
        registry.command(command("experts").param(repeated("topic")).option("community", "name").option("top", "N")
                .access(Access.MEMBER)
                .cost(Cost.EXPERTS)
                .summary("Who knows about a topic: answers on matching threads, how much and how lately each person answers, declared skills.")
                .example("/cop experts kafka consumer lag").example("/cop experts tls rotation community:sre top:10")
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
        List<ExpertFinder.Expert> ranked = finder.find(ctx.actor().id(), topic, channels, now, shown(ctx));
        if (ranked.stream().noneMatch(e -> e.topical() > 0)) {
            return noEvidence(ctx, topic, channels, now);
        }
        return listed("People who know about '" + topic + "', best first:", topic, ranked, now,
                ctx.actor().zone().orElse(ZoneOffset.UTC));
    }

    /** {@code top:N}: how many people to list (default {@link #SHOWN}, at most {@link #MOST}). */
    private static int shown(CommandContext ctx) {
        return ctx.option("top").map(n -> {
            try {
                int v = Integer.parseInt(n.strip());
                if (v >= 1 && v <= MOST) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // the refusal below
            }
            throw new UserError("top: takes a number from 1 to " + MOST + ", e.g. top:10.");
        }).orElse(SHOWN);
    }

    /**
     * No thread the asker may read matches: a ranking by record alone would answer another question. Who declared the
     * topic as a skill, if anyone, and the way to ask the community.
     */
    private Reply noEvidence(CommandContext ctx, String topic, List<ChannelId> channels, Instant now) {
        List<ExpertFinder.Expert> declared = finder.find(ctx.actor().id(), topic, channels, now, 200).stream()
                .filter(e -> !e.skills().isEmpty()).limit(SHOWN).toList();
        String ask = "Ask the community: /cop ask " + topic;
        if (declared.isEmpty()) {
            return Reply.ok("Nobody has answered threads about '" + topic + "' that you can read yet, and nobody "
                    + "declared it as a skill. Try other words, or ask the community: /cop ask " + topic)
                    .withData("topic", topic).withData("experts", List.of()).withData("evidence", false);
        }
        return listed("No thread you can read matches '" + topic + "' yet; these people declared it as a skill. " + ask,
                topic, declared, now, ctx.actor().zone().orElse(ZoneOffset.UTC)).withData("evidence", false);
    }

    private Reply listed(String intro, String topic, List<ExpertFinder.Expert> found, Instant now, ZoneId zone) {
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
            row.put("declaredOnly", e.onlyDeclared());
            List<Map<String, Object>> evidence = new ArrayList<>();
            List<Field> fields = new ArrayList<>();
            for (ExpertFinder.Proof p : e.evidence()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("permalink", p.permalink());
                ev.put("channel", p.channel().id());
                ev.put("thread", p.thread());
                ev.put("title", p.title());
                ev.put("accepted", p.accepted());
                ev.put("thanked", p.thanked());
                ev.put("kudos", p.kudos());
                ev.put("label", label(p));
                evidence.add(ev);
                fields.add(new Field(label(p), p.title() + " " + p.permalink()));
            }
            row.put("evidence", evidence);
            data.add(row);
            blocks.add(new Block.Section(rank + ". " + name + (e.away() ? " (away)" : ""), reason, fields));
        }
        return Reply.ok(intro).withBlocks(blocks)
                .with(new Block.Context("Ranked by answers on matching threads (accepted and thanked ones count most), "
                        + "by how much and how lately each person answered, and by declared skills. Only threads you "
                        + "can read count."))
                .withData("topic", topic).withData("experts", data).withData("evidence", true);
    }

    /** How the person's answer on a thread was received: "accepted answer", "thanked by 3", "thanked", "answer". */
    static String label(ExpertFinder.Proof p) {
        if (p.accepted()) {
            return "accepted answer";
        }
        if (p.kudos() > 0) {
            return "thanked by " + p.kudos();
        }
        return p.thanked() ? "thanked" : "answer";
    }

    /**
     * One line: "2 accepted answers, 1 other answer on matching threads, latest 2 months ago; 14 threads answered
     * (5 accepted) overall; declared skill: kafka; away until 2026-12-01". Someone ranked by a declared skill alone is
     * told so; nobody is told they have no matching answers.
     */
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
        if (e.recordAnswered() > 0 && (counts.isEmpty() || e.recordAnswered() > e.accepted() + e.thanked() + e.answered())) {
            parts.add((counts.isEmpty() ? "answers often here: " : "") + e.recordAnswered()
                    + (e.recordAnswered() == 1 ? " thread answered" : " threads answered")
                    + (e.recordAccepted() > 0 ? " (" + e.recordAccepted() + " accepted)" : "") + " in all");
        }
        if (!e.skills().isEmpty()) {
            parts.add((e.onlyDeclared() ? "ranked by a declared skill only: " : e.skills().size() == 1 ? "declared skill: "
                    : "declared skills: ") + String.join(", ", e.skills()));
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
    static LocalDate lastDay(Instant firstMomentBack, ZoneId zone) {
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
