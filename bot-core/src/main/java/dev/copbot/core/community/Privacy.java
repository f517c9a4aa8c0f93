package dev.copbot.core.community;

import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What of a community a person may see. A community is <em>private</em> when one of its channels is not public (its
 * calendar feed is then per person); it is <em>hidden</em> from someone when all its channels are private and they
 * may read none of them: to them it does not exist, in lists, suggestions and refusals alike. A private channel's
 * name is shown only to people who may read it. Who may read a channel is the platform's answer ({@link Readers}),
 * which the composition root takes from the discussions' access rules; it is never true across workspaces.
 */
public final class Privacy {
    /** Whether a person may read a channel now. */
    @FunctionalInterface
    public interface Readers {
        boolean mayRead(UserId user, ChannelId channel);
    }

    private final CommunityStore store;
    private final Readers readers;

    public Privacy(CommunityStore store, Readers readers) {
        this.store = store;
        this.readers = readers;
    }

    public CommunityStore store() {
        return store;
    }

    /** True when one of the community's channels is not public. */
    public boolean isPrivate(String community) {
        return store.channels(community).stream().anyMatch(ch -> ch.visibility() != Visibility.PUBLIC);
    }

    /** Whether {@code who} may see the community at all: it has a public channel (or none), or one they may read. */
    public boolean maySee(UserId who, Community c) {
        List<Channel> channels = store.channels(c.name());
        return channels.isEmpty() || channels.stream().anyMatch(ch -> ch.visibility() == Visibility.PUBLIC)
                || channels.stream().anyMatch(ch -> readers.mayRead(who, ch.id()));
    }

    /** Whether {@code who} may see this channel's name: it is public, or they may read it. */
    public boolean mayRead(UserId who, Channel channel) {
        return channel.visibility() == Visibility.PUBLIC || readers.mayRead(who, channel.id());
    }

    /** The community's channels whose names {@code who} may see. */
    public List<Channel> channels(UserId who, String community) {
        return store.channels(community).stream().filter(ch -> mayRead(who, ch)).toList();
    }

    /** The communities {@code who} may see. */
    public List<Community> visible(UserId who, boolean includeArchived) {
        return store.all(includeArchived).stream().filter(c -> maySee(who, c)).toList();
    }

    /** A community by name when {@code who} may see it. */
    public Optional<Community> find(UserId who, String name) {
        return store.find(name.strip().toLowerCase(Locale.ROOT)).filter(c -> maySee(who, c));
    }

    /**
     * The community {@code who} typed, or the same refusal whether it does not exist or is hidden from them; the
     * suggestion for a typo comes only from the communities they may see.
     */
    public Community named(UserId who, String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return find(who, name).orElseThrow(() -> UserError.refused("There is no community named '" + typed + "'."
                + Suggestions.didYouMean(name, visible(who, true).stream().map(Community::name).toList())
                + " /cop communities lists them."));
    }
}
