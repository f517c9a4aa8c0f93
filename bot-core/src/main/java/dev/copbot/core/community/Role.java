package dev.copbot.core.community;

import java.util.Locale;

/** Roles inside one community. Leaders run it; sponsors back it; experts and support are listed for askers. */
public enum Role {
    LEADER, SPONSOR, EXPERT, SUPPORT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(Role::label).toList();
    }
}
