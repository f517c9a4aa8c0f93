package dev.copbot.slack;

import java.util.List;

/**
 * Every bot scope the adapter uses, and no more; {@code config/slack-app-manifest.yaml} must list exactly these (a test
 * checks it). Methods without a scope of their own (auth.test, chat.getPermalink, views.open, views.publish) need none.
 */
public final class SlackScopes {
    public static final List<String> BOT = List.of(
            "commands",          // the /cop slash command
            "chat:write",        // chat.postMessage, chat.update, chat.postEphemeral
            "im:write",          // conversations.open for direct messages
            "users:read",        // users.info: display name, time zone, admin/owner flags
            "channels:read",     // conversations.info and .members of public channels; member_joined/left, channel_deleted
            "groups:read",       // the same for private channels the bot is in; group_deleted
            "channels:history",  // message events of public channels (edits and deletions included)
            "groups:history",    // message events of private channels the bot was added to
            "reactions:read",    // reaction_added, reaction_removed
            "files:write");      // files.uploadV2 of a reply's charts, shown in image blocks (shared to no channel)

    private SlackScopes() {}
}
