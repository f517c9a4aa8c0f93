package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;

/** A thread: its channel and the id of its root message. Also the unique key of its search document. */
public record ThreadKey(ChannelId channel, String root) {
    public String asString() {
        return channel + "|" + root;
    }

    public static ThreadKey parse(String key) {
        int bar = key.lastIndexOf('|');
        return new ThreadKey(ChannelId.parse(key.substring(0, bar)), key.substring(bar + 1));
    }
}
