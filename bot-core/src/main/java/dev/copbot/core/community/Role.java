package dev.copbot.core.community;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Roles inside one community. Leaders run it; sponsors back it; experts and support are listed for askers. */
public enum Role {
    LEADER, SPONSOR, EXPERT, SUPPORT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Role::label).toList();
    }
}
