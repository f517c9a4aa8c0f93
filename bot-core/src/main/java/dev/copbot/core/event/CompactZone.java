package dev.copbot.core.event;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A VTIMEZONE with only the rules in force from the first event on (two yearly observances, or one for a zone without
 * daylight saving), written from java.time's rules under the zone's own id. ical4j's bundled definitions reach back
 * to the 1800s: pages of history no calendar needs, in every feed.
 */
final class CompactZone {
    private CompactZone() {}

    /** True for zones written as UTC times ({@code …Z}), which need no VTIMEZONE at all. */
    static boolean isUtc(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    static VTimeZone of(ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        int year = from.atZone(zone).getYear();
        if (!rules.getTransitionRules().isEmpty()) {
            for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                ZoneOffsetTransition t = rule.createTransition(year - 1); // an onset before the first event
                boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                observances.add(observance(daylight, t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter(),
                        yearly(rule)));
            }
        } else {
            ZoneOffsetTransition last = rules.previousTransition(from.plusSeconds(1));
            ZoneOffset offset = rules.getOffset(from);
            LocalDateTime start = last == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : last.getDateTimeAfter();
            observances.add(observance(false, start, last == null ? offset : last.getOffsetBefore(), offset, null));
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))), new ComponentList<>(observances));
    }

    private static Observance observance(boolean daylight, LocalDateTime start, ZoneOffset before, ZoneOffset after,
                                         String rrule) {
        List<Property> props = new ArrayList<>(List.of(new DtStart<>(start), new TzOffsetFrom(before), new TzOffsetTo(after)));
        if (rrule != null) {
            props.add(new RRule<>(rrule));
        }
        PropertyList list = new PropertyList(props);
        return daylight ? new Daylight(list) : new Standard(list);
    }

    /** The rule as an RRULE: "Sunday on or after 25 March" is BYDAY=-1SU (the last), "Sunday on or after the 8th" 2SU. */
    static String yearly(ZoneOffsetTransitionRule rule) {
        String out = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dow == null) {
            return out + ";BYMONTHDAY=" + day;
        }
        String weekday = dow.name().substring(0, 2).toUpperCase(Locale.ROOT);
        if (day == -1 || day > 0 && day + 6 == rule.getMonth().maxLength() && rule.getMonth() != Month.FEBRUARY) {
            return out + ";BYDAY=-1" + weekday;
        }
        if (day > 0 && (day - 1) % 7 == 0) {
            return out + ";BYDAY=" + ((day - 1) / 7 + 1) + weekday;
        }
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(Integer.toString(day > 0 ? day + i : day - i)); // on or after day / on or before day (from the end)
        }
        return out + ";BYMONTHDAY=" + String.join(",", days) + ";BYDAY=" + weekday;
    }
}
