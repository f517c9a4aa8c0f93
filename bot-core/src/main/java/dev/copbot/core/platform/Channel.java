package dev.copbot.core.platform;

import java.util.Objects;

/** A channel as the core knows it: its id, its human name (without '#') and who may read it. */
public record Channel(ChannelId id, String name, Visibility visibility) {
    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(visibility, "visibility");
        name = name == null || name.isBlank() ? id.id() : name;
    }
}
