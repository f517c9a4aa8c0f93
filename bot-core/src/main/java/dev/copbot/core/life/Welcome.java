package dev.copbot.core.life;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.CharterField;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.Role;
import dev.copbot.core.discussion.Activity.ThreadSummary;
import dev.copbot.core.event.Events;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The welcome a new member gets by DM (the leaders' own words, the charter, the leaders, the next events, the three
 * most useful solved threads they can read, and a nudge to ask or declare skills), and the yearly charter review.
 */
final class Welcome {
    static final int WELCOME_LENGTH = 1000;
    static final Duration REVIEW_EVERY = Duration.ofDays(365);
    static final String REVIEW = "charter-review";

    private final CommunityLife life;

    Welcome(CommunityLife life) {
        this.life = life;
    }

    void register(Registry registry) {
        registry.command(command("community welcome").param(required("name")).param(optional("off"))
                .option("text", "\"…\"").access(Access.LEADER)
                .summary("Preview the welcome new members get by DM, or set its opening words (off removes them).")
                .example("/cop community welcome kafka text:\"Glad you're here! Introduce yourself in #kafka.\"")
                .example("/cop community welcome kafka").handler(this::configure));
        registry.command(command("community review").param(required("name")).access(Access.LEADER)
                .summary("Confirm the charter is still right (the yearly review asks for this).")
                .example("/cop community review kafka").handler(this::review));
    }

    private Reply configure(CommandContext ctx) {
        Community c = life.named(ctx, ctx.arg(0));
        Optional<String> off = ctx.optionalArg(1);
        Optional<String> text = ctx.option("text").map(String::strip);
        if (off.isEmpty() && text.isEmpty()) {
            return Reply.ok("New members of " + c.name() + " get this by DM:").withBlocks(message(c, ctx.actor().id())
                    .blocks()).withData("welcome", life.store.welcome(c.name()).orElse(null));
        }
        life.requireLeader(ctx, c, "change the welcome of " + c.name());
        if (off.isPresent() && !off.get().equalsIgnoreCase("off")) {
            throw new UserError("Say text:\"…\" to set the welcome's opening words, or off to remove them.");
        }
        if (text.isPresent() && text.get().length() > WELCOME_LENGTH) {
            throw new UserError("Keep the welcome under " + WELCOME_LENGTH + " characters (it has " + text.get().length() + ").");
        }
        Optional<String> value = off.isPresent() ? Optional.empty() : text.filter(t -> !t.isEmpty());
        life.store.database().transaction(() -> life.store.setWelcome(c.name(), value));
        return Reply.ok(value.isPresent() ? "New members of " + c.name() + " will be greeted with your words. "
                + "Preview: /cop community welcome " + c.name() : "The welcome of " + c.name() + " is back to the charter alone.")
                .withData("welcome", value.orElse(null));
    }

    private Reply review(CommandContext ctx) {
        Community c = life.named(ctx, ctx.arg(0));
        life.requireLeader(ctx, c, "review the charter of " + c.name());
        life.store.database().transaction(() -> life.store.charterReviewed(c.name(), ctx.clock().instant()));
        return Reply.ok("Thanks: the charter of " + c.name() + " is confirmed. The next review is in a year.");
    }

    void send(Community c, UserId member) {
        life.ports.tryDirect(member, message(c, member));
    }

    Reply message(Community c, UserId reader) {
        List<Block> blocks = new ArrayList<>();
        life.store.welcome(c.name()).ifPresent(w -> blocks.add(Block.Section.of("", w)));
        List<Field> charter = new ArrayList<>();
        charter(c).forEach(charter::add);
        List<String> leaders = life.communities.withRole(c.name(), Role.LEADER).stream().map(life.users::displayName).toList();
        charter.add(new Field("Leaders", leaders.isEmpty() ? "—" : String.join(", ", leaders)));
        blocks.add(new Block.Section("Charter", "", charter));
        Instant now = life.clock.instant();
        List<Events.Session> next = life.events.sessions(c.name(), now, now.plus(Duration.ofDays(60))).stream().limit(3).toList();
        if (!next.isEmpty()) {
            blocks.add(Block.Section.of("Next events", String.join("\n", next.stream().map(s -> "• " + s.title() + ", "
                    + TimeText.mark(s.start(), HealthCommands.day(s.start()) + " UTC") + s.location().map(l -> " · " + l).orElse("") + " (/cop rsvp " + s.eventId()
                    + " going)").toList())));
        }
        List<ThreadSummary> best = life.activity.mostUseful(life.readable(c, reader), 3);
        if (!best.isEmpty()) {
            blocks.add(Block.Section.of("Start with these solved threads", String.join("\n", best.stream().map(t -> "• "
                    + t.title() + " — " + life.permalinks.of(t.root())).toList())));
        }
        blocks.add(new Block.Context("Ask your first question with /cop ask <question> community:" + c.name()
                + ", or tell people what you know with /cop skills add <skill>."));
        return Reply.ok("Welcome to " + c.name() + "!" + c.purpose().map(p -> " " + p).orElse("")).withBlocks(blocks);
    }

    private static List<Field> charter(Community c) {
        List<Field> out = new ArrayList<>();
        for (CharterField f : CharterField.values()) {
            c.charter(f).ifPresent(value -> out.add(new Field(f.label(), value)));
        }
        return out;
    }

    /** Once a year from the last review (or the founding), the leaders are asked whether the charter is still right. */
    void remindCharterReviewIfDue(Community c, Instant now) {
        Instant reviewed = life.store.charterReviewed(c.name());
        long years = Duration.between(reviewed, now).toDays() / REVIEW_EVERY.toDays();
        String period = reviewed.toEpochMilli() + "/" + years;
        if (years < 1 || life.store.claimed(c.name(), REVIEW, period) || !life.store.claim(c.name(), REVIEW, period, now)) {
            return;
        }
        String confirm = "community review " + c.name();
        String edit = "community charter " + c.name(); // on a platform, with no fields given, it opens the form
        Reply reminder = Reply.ok("It has been a year since the charter of " + c.name() + " was last reviewed. Is it "
                        + "still right? Edit it with /cop community charter " + c.name()
                        + " purpose:\"…\" scope:\"…\" cadence:\"…\" ask:\"…\", or confirm it as it is.")
                .with(new Block.Section("Charter of " + c.name(), "", charter(c)))
                .with(new Block.Actions(List.of(Button.runs("Still right", confirm, Button.Style.PRIMARY), Button.runs("Edit the charter", edit, Button.Style.DEFAULT))));
        life.communities.withRole(c.name(), Role.LEADER).forEach(leader -> life.ports.tryDirect(leader, reminder));
    }
}
