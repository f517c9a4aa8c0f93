package dev.copbot.core.discussion;

import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.ChannelArgument;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.CommunityStore;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.reply.Reply;

/**
 * {@code index enable|disable <#channel>}: admins choose channels outside communities whose discussions are kept and
 * searchable. Community channels are always indexed; disabling any other channel forgets its history.
 */
public final class IndexCommands implements Feature {
    private final Discussions discussions;
    private final CommunityStore communities;

    public IndexCommands(Discussions discussions, CommunityStore communities) {
        this.discussions = discussions;
        this.communities = communities;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("index enable").param(required("#channel")).access(Access.ADMIN)
                .summary("Keep and search the discussions of a channel that belongs to no community.")
                .example("/cop index enable #help-desk").handler(this::enable));
        registry.command(command("index disable").param(required("#channel")).access(Access.ADMIN)
                .summary("Stop indexing a channel; its stored history is forgotten unless a community still has it.")
                .example("/cop index disable #help-desk").handler(this::disable));
    }

    private Reply enable(CommandContext ctx) {
        Channel channel = ChannelArgument.parse(ctx.actor().id(), ctx.arg(0), "#help-desk");
        MessageStore store = discussions.store();
        Channel known = store.channels().find(channel.id()).orElse(channel);
        store.database().transaction(() -> {
            store.channels().upsert(known, ctx.clock().instant());
            store.channels().setIndexed(known.id(), true);
        });
        return Reply.ok("#" + known.name() + " is indexed from now on: new messages there become searchable. "
                + "Earlier history arrives with an import (copbot import).").withData("channel", known.id().toString());
    }

    private Reply disable(CommandContext ctx) {
        ChannelId id = ChannelArgument.parse(ctx.actor().id(), ctx.arg(0), "#help-desk").id();
        MessageStore store = discussions.store();
        Channel known = store.channels().find(id).orElseThrow(() -> UserError.refused(
                "I don't know that channel, so it is not indexed."));
        if (!communities.communitiesOfChannelIncludingArchived(id).isEmpty()) {
            store.channels().setIndexed(id, false);
            return Reply.ok("#" + known.name() + " belongs to a community ("
                    + String.join(", ", communities.communitiesOfChannelIncludingArchived(id))
                    + "), so it stays indexed.").withData("channel", id.toString());
        }
        discussions.channelRemoved(id, ctx.clock().instant());
        return Reply.ok("#" + known.name() + " is no longer indexed; its stored history was removed from the store "
                + "and the search index.").withData("channel", id.toString());
    }
}
