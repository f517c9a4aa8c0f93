package dev.copbot.core.life;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Reply;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest: {@code digest [community]} on demand, {@code dm:on|off} for a weekly DM copy, and
 * {@code community digest} for leaders to schedule it. {@link #sendIfDue} posts each period's digest once: the period is claimed in
 * the store before anything is sent, so restarts and replicas never post it twice.
 */
final class Digests {
    static final Duration WEEK = Duration.ofDays(7);
    static final String KIND = "digest";
    private static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();

    private final CommunityLife life;

    Digests(CommunityLife life) {
        this.life = life;
    }

    void register(Registry registry) {
        // One top-level word, no "digest …" group beside it: Discord cannot have a subcommand and a group of one name.
        registry.command(command("digest").param(optional("community")).option("until", "YYYY-MM-DD")
                .option("dm", "on|off")
                .summary("This week's digest (new solved threads, open questions, events, new members, kudos); dm:on mails it to you weekly.")
                .example("/cop digest kafka").example("/cop digest kafka dm:on").handler(this::show));
        registry.command(command("community digest").param(required("name")).param(optional("off"))
                .option("day", "monday").option("time", "09:00").option("tz", "Europe/Berlin").access(Access.LEADER)
                .summary("When the weekly digest is posted in the community's channel (off stops it, on restarts it).")
                .example("/cop community digest kafka day:friday time:15:00 tz:Europe/Berlin")
                .example("/cop community digest kafka off").handler(this::schedule));
    }

    private Reply show(CommandContext ctx) {
        Community c = life.communityFor(ctx, ctx.optionalArg(0));
        Optional<String> dm = ctx.option("dm").map(v -> v.toLowerCase(Locale.ROOT));
        if (dm.isPresent()) {
            return switch (dm.get()) {
                case "on" -> subscribe(ctx, c);
                case "off" -> unsubscribe(ctx, c);
                default -> throw new UserError("dm: takes on or off, e.g. /cop digest " + c.name() + " dm:on.");
            };
        }
        Instant to = ctx.option("until").isPresent() ? HealthCommands.until(ctx) : ctx.clock().instant().plusMillis(1);
        UserId reader = ctx.actor().id();
        return Digest.of(life, c, to.minus(WEEK), to, ch -> life.discussions.access().mayRead(reader, ch)).reply(life);
    }

    private Reply subscribe(CommandContext ctx, Community c) {
        if (!life.communities.isMember(c.name(), ctx.actor().id())) {
            throw UserError.refused("The digest DM is for members: /cop join " + c.name() + " first.");
        }
        boolean added = life.store.database().transaction(conn -> life.store.subscribe(c.name(), ctx.actor().id(),
                ctx.clock().instant()));
        return Reply.ok(added ? "You will get the weekly digest of " + c.name() + " by DM too. "
                + "/cop digest " + c.name() + " dm:off stops it." : "You already get the digest of " + c.name() + " by DM.");
    }

    private Reply unsubscribe(CommandContext ctx, Community c) {
        boolean removed = life.store.database().transaction(conn -> life.store.unsubscribe(c.name(), ctx.actor().id()));
        return Reply.ok(removed ? "No more digest DMs from " + c.name() + ". It is still posted in its channel."
                : "You don't get the digest of " + c.name() + " by DM, so there is nothing to stop.");
    }

    private Reply schedule(CommandContext ctx) {
        Community c = life.named(ctx, ctx.arg(0));
        life.requireLeader(ctx, c, "schedule the digest of " + c.name());
        LifeStore.DigestSchedule now = life.store.schedule(c.name());
        Optional<String> off = ctx.optionalArg(1);
        if (off.isPresent() && !off.get().equalsIgnoreCase("off") && !off.get().equalsIgnoreCase("on")) {
            throw new UserError("Say off to stop the digest, on to restart it, or set day:, time: and tz:.");
        }
        DayOfWeek day = ctx.option("day").map(Digests::day).orElse(now.day());
        LocalTime time = ctx.option("time").map(Digests::time).orElse(now.time());
        ZoneId zone = ctx.option("tz").map(Digests::zone).orElse(now.zone());
        boolean enabled = off.map(o -> o.equalsIgnoreCase("on")).orElse(true);
        LifeStore.DigestSchedule next = new LifeStore.DigestSchedule(day, time, zone, enabled);
        life.store.database().transaction(() -> life.store.saveSchedule(c.name(), next));
        return Reply.ok(enabled ? "The digest of " + c.name() + " goes out every " + label(day) + " at " + time + " ("
                + zone.getId() + ")." : "The weekly digest of " + c.name() + " is off. /cop community digest " + c.name()
                + " on restarts it.");
    }

    /** Posts the digest of the latest period that has ended, unless it went out already (or the digest is off). */
    void sendIfDue(Community c, Instant now) {
        LifeStore.DigestSchedule s = life.store.schedule(c.name());
        if (!s.enabled()) {
            return;
        }
        Instant due = lastDue(s, now);
        if (due.isBefore(c.createdAt().plus(WEEK)) || life.store.claimed(c.name(), KIND, due.toString())
                || !life.store.claim(c.name(), KIND, due.toString(), now)) {
            return; // the first week is not over, or this period's digest was sent already
        }
        List<Channel> channels = life.communities.channels(c.name());
        Optional<Channel> home = channels.stream().findFirst();
        if (home.isPresent()) {
            // In the channel: only what everyone there may read (public channels, and this channel itself).
            Set<ChannelId> open = channels.stream().filter(ch -> ch.visibility() == Visibility.PUBLIC || ch.equals(home.get()))
                    .map(Channel::id).collect(Collectors.toSet());
            Digest digest = Digest.of(life, c, due.minus(WEEK), due, open::contains);
            if (!digest.empty()) {
                life.ports.of(home.get().id().platform()).ifPresent(port -> {
                    try {
                        port.post(home.get().id(), Optional.empty(), digest.reply(life).inChannel());
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(Digests.class).warn("could not post the digest of {}: {}",
                                c.name(), e.getMessage());
                    }
                });
            }
        }
        for (UserId member : life.store.subscribers(c.name())) {
            Digest mine = Digest.of(life, c, due.minus(WEEK), due, ch -> life.discussions.access().mayRead(member, ch));
            life.ports.tryDirect(member, mine.reply(life));
        }
    }

    /** The latest scheduled instant at or before {@code now}. */
    static Instant lastDue(LifeStore.DigestSchedule s, Instant now) {
        ZonedDateTime local = now.atZone(s.zone());
        ZonedDateTime candidate = local.with(TemporalAdjusters.previousOrSame(s.day())).with(s.time());
        if (candidate.isAfter(local)) {
            candidate = candidate.minusWeeks(1);
        }
        return candidate.toInstant();
    }

    private static DayOfWeek day(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        return DAYS.stream().filter(d -> d.startsWith(t) && t.length() >= 3).findFirst().map(d -> DayOfWeek.valueOf(
                d.toUpperCase(Locale.ROOT))).orElseThrow(() -> new UserError("'" + typed + "' is not a day of the week."
                + Suggestions.didYouMean(t, DAYS)));
    }

    private static LocalTime time(String typed) {
        try {
            return LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
        } catch (DateTimeParseException e) {
            throw new UserError("'" + typed + "' is not a time: write time:HH:MM, e.g. time:09:00.");
        }
    }

    private static ZoneId zone(String typed) {
        try {
            return ZoneId.of(typed);
        } catch (DateTimeException e) {
            throw new UserError("'" + typed + "' is not a time zone: use a name like tz:Europe/Berlin or tz:UTC.");
        }
    }

    private static String label(DayOfWeek d) {
        String n = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
