package dev.copbot.core.kudos;

import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.CommandSpec;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.community.Privacy;
import dev.copbot.core.discussion.MessageStore;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.people.Mentions;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Plural;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /cop kudos @person [for …]} and the kudos reaction: recognition with a daily limit per giver and none for
 * oneself. Kudos given in a thread (the command run there, or the reaction on a message) also count as evidence for
 * the expert ranking on that thread's topic.
 */
public final class KudosCommands implements Feature {
    static final int REASON_LENGTH = 300;

    private final KudosStore store;
    private final CommunityStore communities;
    private final Privacy privacy;
    private final MessageStore messages;
    private final UserDirectory users;
    private final Mentions mentions;
    private final ChatPorts ports;
    private final KudosSettings settings;

    /** {@code privacy}: a community hidden from the giver answers {@code community:} like a missing one. */
    public KudosCommands(KudosStore store, CommunityStore communities, Privacy privacy, MessageStore messages,
                         UserDirectory users, ChatPorts ports, KudosSettings settings) {
        this.store = store;
        this.communities = communities;
        this.privacy = privacy;
        this.messages = messages;
        this.users = users;
        this.mentions = new Mentions(users);
        this.ports = ports;
        this.settings = settings;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("kudos").param(required("@user")).param(new CommandSpec.Param("for…", false, true))
                .option("community", "name").access(Access.MEMBER)
                .summary("Thank someone in public; run it in a thread to credit their help there.")
                .example("/cop kudos @bob for untangling the consumer lag")
                .handler(this::kudos));
        registry.on(Inbound.ReactionAdded.class, r -> reacted(r.reaction(), r.at(), true));
        registry.on(Inbound.ReactionRemoved.class, r -> reacted(r.reaction(), r.at(), false));
    }

    private Reply kudos(CommandContext ctx) {
        UserId giver = ctx.actor().id();
        UserId receiver = mentions.resolve(giver, ctx.arg(0));
        if (receiver.equals(giver)) {
            throw UserError.refused("Kudos are for thanking others, so you can't give yourself one. "
                    + "Who helped you lately?");
        }
        String reason = String.join(" ", ctx.argsFrom(1)).strip().replaceFirst("(?i)^for\\s+", "").strip();
        if (reason.length() > REASON_LENGTH) {
            throw new UserError("Keep the reason under " + REASON_LENGTH + " characters (it has " + reason.length() + ").");
        }
        Instant now = ctx.clock().instant();
        requireUnderLimit(giver, now);
        Optional<String> community = ctx.option("community").map(typed -> live(privacy.named(giver, typed)))
                .or(() -> communities.communitiesOfChannel(ctx.channel()).stream().findFirst())
                .or(() -> onlyOne(communities.communitiesOf(giver))); // outside any community's channel: the giver's one
        Optional<ThreadKey> thread = ctx.thread().map(t -> messages.threadOf(t).orElse(new ThreadKey(t.channel(), t.id())));
        Optional<String> why = reason.isEmpty() ? Optional.empty() : Optional.of(reason);
        store.database().transaction(() -> store.give(giver, receiver, community, why, thread, Optional.empty(),
                KudosStore.Via.COMMAND, now));
        String giverName = users.displayName(giver);
        String receiverName = users.displayName(receiver);
        ports.tryDirect(receiver, Reply.ok(giverName + " gave you kudos" + why.map(r -> " for " + r).orElse("")
                + community.map(c -> " (" + c + ")").orElse("") + ". Thank you for helping!"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", giver.toString());
        data.put("to", receiver.toString());
        data.put("reason", why.orElse(null));
        data.put("community", community.orElse(null));
        data.put("thread", thread.map(ThreadKey::root).orElse(null));
        data.put("left", settings.perDay() - store.givenOn(giver, now));
        return Reply.ok(":tada: " + giverName + " gave kudos to " + receiverName + why.map(r -> " for " + r).orElse("")
                + ".").inChannel().withData("kudos", data);
    }

    /**
     * A reaction added or removed: the kudos reactions give the message's author kudos (within the daily limit, never
     * for one's own message), and taking the reaction back takes the kudos back. Other reactions are ignored.
     */
    public void reacted(Reaction r, Instant at, boolean added) {
        if (!settings.reactions().contains(r.emoji())) {
            return;
        }
        if (!added) {
            store.database().transaction(() -> store.takeBackReaction(r.user(), r.message()));
            return;
        }
        Optional<UserId> author = messages.authorOf(r.message());
        if (author.isEmpty() || author.get().equals(r.user()) || store.givenOn(r.user(), at) >= settings.perDay()) {
            return; // not a stored message, one's own, or over the limit: a reaction cannot be refused, so it is not kudos
        }
        Optional<ThreadKey> thread = messages.threadOf(r.message());
        Optional<String> community = communities.communitiesOfChannel(r.message().channel()).stream().findFirst();
        store.database().transaction(() -> store.give(r.user(), author.get(), community, Optional.empty(), thread,
                Optional.of(r.message()), KudosStore.Via.REACTION, at));
    }

    private static Optional<String> onlyOne(List<String> names) {
        return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    }

    private void requireUnderLimit(UserId giver, Instant now) {
        long given = store.givenOn(giver, now);
        if (given >= settings.perDay()) {
            throw UserError.refused("You have given " + Plural.of(given, "kudo", "kudos") + " today, the daily limit. "
                    + "They mean more when they are rare: more tomorrow (the day is counted in UTC).");
        }
    }

    private static String live(Community c) {
        if (c.archived()) {
            throw UserError.refused(c.name() + " is archived; give the kudos without community: or in another one.");
        }
        return c.name();
    }
}
