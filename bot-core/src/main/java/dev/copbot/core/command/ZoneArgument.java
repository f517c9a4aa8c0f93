package dev.copbot.core.command;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A time zone people type: an IANA id in any case, UTC/GMT/Z, or a city ("paris"), with a suggestion when wrong. */
public final class ZoneArgument {
    private ZoneArgument() {}

    public static ZoneId parse(String typed) {
        String t = typed.strip();
        if (t.equalsIgnoreCase("UTC") || t.equalsIgnoreCase("Z") || t.equalsIgnoreCase("GMT")) {
            return ZoneId.of("UTC");
        }
        Set<String> known = ZoneId.getAvailableZoneIds();
        Optional<String> exact = known.stream().filter(z -> z.equalsIgnoreCase(t)).findFirst();
        if (exact.isPresent()) {
            return ZoneId.of(exact.get());
        }
        List<String> byCity = known.stream().filter(z -> z.contains("/")
                && z.substring(z.lastIndexOf('/') + 1).equalsIgnoreCase(t.replace(' ', '_'))).sorted().toList();
        String hint = !byCity.isEmpty() ? " Did you mean " + String.join(" or ", byCity.stream().limit(2)
                .map(z -> "'" + z + "'").toList()) + "?" : Suggestions.didYouMean(t, known);
        throw new UserError("'" + typed + "' is not a time zone I know." + hint
                + " Use an IANA zone id such as tz:Europe/Berlin, tz:America/New_York or tz:UTC.");
    }
}
