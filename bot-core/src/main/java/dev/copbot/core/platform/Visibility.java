package dev.copbot.core.platform;

/** Who may read a channel: anyone in the workspace, its members only, or the people in a direct conversation. */
public enum Visibility {
    PUBLIC, PRIVATE, DIRECT
}
