package dev.copbot.core.community;

import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.util.List;
import java.util.Locale;

/** {@code community:name} as a filter: the community's channels, or a refusal that names the community list. */
public final class CommunityChannels {
    private CommunityChannels() {}

    /** The community the user typed, or a refusal with a suggestion for a typo. */
    public static Community named(CommunityStore communities, String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return communities.find(name).orElseThrow(() -> UserError.refused("There is no community named '" + typed
                + "'." + Suggestions.didYouMean(name, communities.names()) + " /cop communities lists them."));
    }

    /** The channels of the community the user typed; {@code withoutChannels} says why an empty one is useless here. */
    public static List<ChannelId> of(CommunityStore communities, String typed, String withoutChannels) {
        String name = named(communities, typed).name();
        List<ChannelId> ids = communities.channels(name).stream().map(Channel::id).toList();
        if (ids.isEmpty()) {
            throw UserError.refused(name + " has no channels yet, so " + withoutChannels + ".");
        }
        return ids;
    }

    /** As {@link #of(CommunityStore, String, String)}, for {@code who}: a community hidden from them does not exist. */
    public static List<ChannelId> of(Privacy privacy, UserId who, String typed,
                                     String withoutChannels) {
        String name = privacy.named(who, typed).name();
        List<ChannelId> ids = privacy.store().channels(name).stream().map(Channel::id).toList();
        if (ids.isEmpty()) {
            throw UserError.refused(name + " has no channels yet, so " + withoutChannels + ".");
        }
        return ids;
    }
}
