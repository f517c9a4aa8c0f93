package dev.copbot.core.kudos;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Period;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.discussion.AccessControl;
import dev.copbot.core.discussion.Activity;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /cop leaderboard [community] [period]}: the top helpers by accepted answers and kudos received. Counts come
 * only from channels the asker may read, so a private channel's answers never show through a total.
 */
public final class Leaderboard implements Feature {
    static final int TOP = 10;

    private final Activity activity;
    private final KudosStore kudos;
    private final CommunityStore communities;
    private final AccessControl access;
    private final Privacy privacy;
    private final UserDirectory users;

    public Leaderboard(Activity activity, KudosStore kudos, Privacy privacy, AccessControl access, UserDirectory users) {
        this.activity = activity;
        this.kudos = kudos;
        this.communities = privacy.store();
        this.access = access;
        this.privacy = privacy;
        this.users = users;
    }

    public record Row(UserId user, int accepted, int kudos) {
        int score() {
            return accepted + kudos;
        }
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("leaderboard").param(optional("community")).param(optional("period"))
                .summary("Top helpers by accepted answers and kudos (period: " + Period.USAGE + "; default month).")
                .example("/cop leaderboard kafka quarter").example("/cop leaderboard week").handler(this::show));
    }

    private Reply show(CommandContext ctx) {
        Optional<Community> community = Optional.empty();
        Period period = Period.parse("month").orElseThrow();
        List<String> args = ctx.argsFrom(0);
        if (args.size() == 2) {
            community = Optional.of(privacy.named(ctx.actor().id(), args.get(0)));
            period = Period.require(args.get(1));
        } else if (args.size() == 1) {
            Optional<Period> asPeriod = Period.parse(args.get(0));
            if (asPeriod.isPresent()) {
                period = asPeriod.get();
            } else if (privacy.find(ctx.actor().id(), args.get(0)).isPresent()) {
                community = privacy.find(ctx.actor().id(), args.get(0));
            } else {
                // A community hidden from the asker is neither found nor suggested.
                throw new UserError("'" + args.get(0) + "' is neither a community nor a period (" + Period.USAGE + ")."
                        + Suggestions.didYouMean(args.get(0), privacy.visible(ctx.actor().id(), true)
                        .stream().map(Community::name).toList()));
            }
        }
        UserId asker = ctx.actor().id();
        Instant to = ctx.clock().instant().plusMillis(1); // up to and including this moment
        Instant from = period.start(to);
        List<Row> rows = rows(asker, community, from, to);
        String where = community.map(c -> " in " + c.name()).orElse("");
        if (rows.isEmpty()) {
            return Reply.ok("No accepted answers or kudos" + where + period.within() + " yet. "
                    + "Accept an answer with ✅, or thank someone with /cop kudos @person.")
                    .withData("leaderboard", List.of()).withData("period", period.label());
        }
        List<Map<String, Object>> data = new ArrayList<>();
        StringBuilder text = new StringBuilder("Top helpers" + where + " (" + period.label() + "):");
        int rank = 0;
        for (Row r : rows) {
            rank++;
            String name = users.displayName(r.user());
            text.append("\n").append(rank).append(". ").append(name).append(" — ").append(r.accepted())
                    .append(Plural.word(r.accepted(), " accepted answer, ", " accepted answers, "))
                    .append(Plural.of(r.kudos(), "kudo", "kudos"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user", r.user().id());
            row.put("name", name);
            row.put("accepted", r.accepted());
            row.put("kudos", r.kudos());
            row.put("score", r.score());
            data.add(row);
        }
        return Reply.ok(text.toString())
                .with(new Block.Context("Score = accepted answers + kudos received, from channels you can read."))
                .withData("leaderboard", data).withData("period", period.label())
                .withData("community", community.map(Community::name).orElse(null));
    }

    /** Everyone with an accepted answer or a kudos in the window, best first. */
    public List<Row> rows(UserId asker, Optional<Community> community, Instant from, Instant to) {
        List<ChannelId> channels = readableChannels(asker, community);
        Map<UserId, Integer> accepted = activity.acceptedAnswers(channels, from, to);
        Set<ChannelId> readable = new HashSet<>(channels);
        Map<UserId, Integer> received = kudos.received(kudos.between(community.map(Community::name), from, to,
                c -> readable.contains(c) || access.mayRead(asker, c)).stream()
                .filter(k -> k.receiver().sameScope(asker)).toList());
        Set<UserId> people = new HashSet<>(accepted.keySet());
        people.addAll(received.keySet());
        List<Row> rows = new ArrayList<>();
        for (UserId u : people) {
            rows.add(new Row(u, accepted.getOrDefault(u, 0), received.getOrDefault(u, 0)));
        }
        rows.sort(Comparator.comparingInt(Row::score).reversed().thenComparing(Comparator.comparingInt(Row::accepted)
                .reversed()).thenComparing(r -> r.user().toString()));
        return List.copyOf(rows.subList(0, Math.min(TOP, rows.size())));
    }

    private List<ChannelId> readableChannels(UserId asker, Optional<Community> community) {
        List<Community> which = community.map(List::of).orElseGet(() -> communities.all(true));
        Set<ChannelId> out = new LinkedHashSet<>();
        for (Community c : which) {
            for (Channel ch : communities.channels(c.name())) {
                if (access.mayRead(asker, ch.id())) {
                    out.add(ch.id());
                }
            }
        }
        return List.copyOf(out);
    }
}
