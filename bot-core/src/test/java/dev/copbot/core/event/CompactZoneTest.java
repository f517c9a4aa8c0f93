package dev.copbot.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A compact VTIMEZONE gives every moment of the coming years the offset java.time gives it, and stays small. */
class CompactZoneTest {
    static final Instant FROM = Instant.parse("2026-01-05T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
            "America/Sao_Paulo", "Europe/Dublin", "America/Los_Angeles", "America/Santiago"})
    void offsetsMatchJavaTimeForFiveYearsAndTheFeedValidatesAndParsesBack(String id) throws Exception {
        ZoneId zone = ZoneId.of(id);
        VTimeZone vtz = CompactZone.of(zone, FROM);
        assertThat(vtz.getObservances()).hasSizeLessThanOrEqualTo(2);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CoP Bot//Test//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(vtz);
        String text = calendar.toString();
        assertThat(text).contains("TZID:" + id).doesNotContain("1893");
        VTimeZone parsed = new CalendarBuilder().build(new StringReader(text)).<VTimeZone>getComponents("VTIMEZONE").get(0);
        TimeZone tz = new TimeZone(parsed);
        // ical4j's TimeZone is off by hours next to a change (it mixes local and UTC onsets), so the check skips a
        // day either side of each; onsetsAreTheLocalTimesBeforeEachChange pins the onsets themselves.
        List<Instant> changes = new ArrayList<>();
        for (var t = zone.getRules().nextTransition(FROM); t != null && t.getInstant().isBefore(FROM.plus(Duration.ofDays(6 * 365)));
             t = zone.getRules().nextTransition(t.getInstant())) {
            changes.add(t.getInstant());
        }
        int checked = 0;
        for (Instant at = FROM; at.isBefore(FROM.plus(Duration.ofDays(5 * 365))); at = at.plus(Duration.ofHours(5))) {
            Instant moment = at;
            if (changes.stream().anyMatch(c -> Duration.between(c, moment).abs().toHours() < 24)) {
                continue;
            }
            checked++;
            assertThat(tz.getOffset(at.toEpochMilli()) / 1000).as("%s at %s", id, at)
                    .isEqualTo(zone.getRules().getOffset(at).getTotalSeconds());
        }
        assertThat(checked).isGreaterThan(6000);
    }

    @Test
    void onsetsAreTheLocalTimesBeforeEachChange() {
        String berlin = CompactZone.of(ZoneId.of("Europe/Berlin"), FROM).toString().replace("\r\n", "\n");
        assertThat(berlin).contains("BEGIN:DAYLIGHT\nDTSTART:20250330T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n"
                + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "BEGIN:STANDARD\nDTSTART:20251026T030000\n"
                + "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        assertThat(CompactZone.of(ZoneId.of("America/New_York"), FROM).toString()).contains(
                "DTSTART:20250309T020000", "BYMONTH=3;BYDAY=2SU", "DTSTART:20251102T020000", "BYMONTH=11;BYDAY=1SU");
        assertThat(CompactZone.of(ZoneId.of("Australia/Sydney"), FROM).toString()).contains(
                "DTSTART:20250406T030000", "BYMONTH=4;BYDAY=1SU", "DTSTART:20251005T020000", "BYMONTH=10;BYDAY=1SU");
        assertThat(CompactZone.of(ZoneId.of("Asia/Kolkata"), FROM).getObservances()).singleElement()
                .satisfies(o -> assertThat(o.toString()).contains("TZOFFSETTO:+0530").doesNotContain("RRULE"));
    }
}
