package dev.copbot.core.platform;

import java.util.regex.Pattern;

/** Shared parsing for {@code platform:scope:id} strings (scope absent for the console). */
final class ScopedIds {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private ScopedIds() {}

    static String[] parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String[] parts = text.split(":", -1);
        Platform platform;
        try {
            platform = Platform.fromKey(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what
                    + ": write slack:T…:U…, discord:<guild>:<id> or console:<name>");
        }
        int expected = platform.scoped() ? 3 : 2;
        if (parts.length != expected) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what + ": " + platform.key()
                    + (platform.scoped() ? " ids look like " + platform.key() + ":<workspace>:<id>"
                                         : " ids look like console:<name>"));
        }
        for (int i = 1; i < parts.length; i++) {
            check(parts[i], what);
        }
        return platform.scoped() ? parts : new String[] {parts[0], "", parts[1]};
    }

    static void check(String part, String what) {
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException("'" + part + "' is not a valid part of a " + what
                    + " (letters, digits, . _ @ -, at most 64)");
        }
    }

    static String format(Platform platform, String scope, String id) {
        return platform.idPrefix(scope) + id;
    }
}
