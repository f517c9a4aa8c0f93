package dev.copbot.core.event;

import dev.copbot.core.testing.RecordingPort;
import dev.copbot.core.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.RecordingPort.Sent;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.RecurrenceId;
import org.junit.jupiter.api.Test;
import net.fortuna.ical4j.model.component.VTimeZone;

/** Who may do what, every kind of bad input, edits that keep answers, the form, and the iCalendar export. */
abstract class EventCommandScenarios extends EventScenarios {

    @Test
    void onlyLeadersSponsorsAndAdminsOrganiseEvents() {
        Reply member = refused("bob", WEEKLY);
        assertThat(member.text()).contains("Only leaders and sponsors of data-science (admin, alice) and admins can announce events");
        ok("admin", "community role data-science @dave sponsor");
        ok("dave", "event create \"Sponsor update\" 2026-03-25 16:00 tz:UTC");
        ok("admin", "event create \"Admin hour\" 2026-03-26 16:00 tz:UTC community:data-science");
        ok("alice", WEEKLY);
        port.drain();
        assertThat(refused("bob", "event who 3").text()).contains("Only leaders and sponsors");
        assertThat(refused("bob", "event edit 3 title:\"Mine\"").text()).contains("Only leaders and sponsors");
        assertThat(refused("bob", "event cancel 3").text()).contains("Only leaders and sponsors");
        assertThat(port.drain()).isEmpty();
        ok("bob", "event ics 3");   // anyone may export
        Reply list = ok("bob", "events data-science");
        // two one-offs and nine weekly occurrences in the next 62 days, soonest first
        assertThat(list.data().get("events")).asList().hasSize(11).extracting(e -> (Object) ((Map<?, ?>) e).get("title"))
                .startsWith((Object) "Lunch & learn", "Sponsor update", "Admin hour", "Lunch & learn", "Lunch & learn");
        assertThat(list.text()).contains("11 upcoming events of data-science (times in UTC");
    }

    @Test
    void everyoneChoosesTheZoneTheirTimesAreShownIn() {
        ok("alice", WEEKLY);
        assertThat(ok("bob", "settings tz").text()).contains("Times are shown to you in UTC.");
        assertThat(ok("bob", "settings tz europe/paris").data()).containsEntry("zone", "Europe/Paris");
        assertThat(ok("bob", "events data-science").text()).contains("(times in Europe/Paris");
        assertThat(ok("bob", "settings tz").text()).contains("in Europe/Paris, the zone you chose.");
        assertThat(refused("bob", "settings tz paris").text()).contains("Did you mean 'Europe/Paris'?");
        assertThat(refused("bob", "settings tz Mars/Olympus").text()).contains("not a time zone");
        ok("bob", "settings tz off");
        assertThat(ok("bob", "events data-science").text()).contains("(times in UTC");
    }

    @Test
    void badInputSaysWhatWasWrongAndHowToWriteIt() {
        List<String[]> cases = List.of(
                new String[] {"event create \"Retro\" 2026-03-19 12:00 tz:UTC", "is in the past"},
                new String[] {"event create \"Retro\" 03/25/2026 12:00", "not a date I can read", "YYYY-MM-DD"},
                new String[] {"event create \"Retro\" 2026-03-25 25:00", "not a time I can read", "HH:MM"},
                new String[] {"event create \"Retro\" 2026-03-25 noonish", "not a time I can read"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 tz:Europe/Berln", "not a time zone I know",
                        "Did you mean 'Europe/Berlin'"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 tz:Berlin", "Did you mean 'Europe/Berlin'"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 duration:0m", "makes no sense"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 duration:forever", "not a duration", "1h30m"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 duration:30d", "makes no sense"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 repeat:sometimes", "not a repeat rule", "FREQ=WEEKLY"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 repeat:FREQ=SECONDLY", "cannot repeat secondly"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 repeat:\"FREQ=WEEKLY;INTERVAL=0\"", "never repeats"},
                new String[] {"event create \"Retro\" 2026-03-29 02:30 tz:Europe/Berlin", "does not exist", "daylight saving"},
                new String[] {"event create \"Retro\" 2026-03-25", "Missing <time>"},
                new String[] {"event create \"Retro\" 2026-03-25 12:00 community:nosuch", "no community named 'nosuch'"},
                new String[] {"event edit 1 title:\"x\"", "no event 1"},
                new String[] {"event who abc", "not an event id"});
        for (String[] c : cases) {
            Reply r = refused("alice", c[0]);
            for (int i = 1; i < c.length; i++) {
                assertThat(r.text()).as(c[0]).contains(c[i]);
            }
            assertThat(r.data()).as(c[0]).containsKey("error");
        }
        assertThat(ok("alice", "events").data().get("events")).asList().isEmpty();
        assertThat(port.drain()).isEmpty();
    }

    @Test
    void editingTheSeriesKeepsAnswersAndTellsAttendees() {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");
        ok("carol", "rsvp 1 maybe on:2026-03-29");
        port.drain();
        Reply edited = ok("alice", "event edit 1 time:13:00 where:\"Room 5\"");
        assertThat(event(edited)).containsEntry("start", "2026-03-22T13:00+01:00").containsEntry("going", 1)
                .containsEntry("sequence", 1L).containsEntry("where", "Room 5");
        assertThat(edited.text()).contains("Told 2 people");
        List<Sent> sent = port.drain();
        assertThat(sent).filteredOn(s -> s.type().equals("dm")).extracting(Sent::to)
                .containsExactlyInAnyOrder("console:bob", "console:carol");
        assertThat(sent).filteredOn(s -> s.type().equals("update")).singleElement()
                .satisfies(u -> assertThat(u.text()).contains("13:00–13:45 CET", "Room 5", "Going: 1"));
        assertThat(event(ok("alice", "event who 1 on:2026-03-29"))).containsEntry("maybe", 1);

        Reply moved = ok("alice", "event edit 1 on:2026-03-29 time:15:00");
        assertThat(event(moved)).containsEntry("start", "2026-03-29T15:00+02:00").containsEntry("maybe", 1);
        assertThat(summary(port.drain())).contains("dm console:carol Moved: Lunch & learn");
        assertThat(refused("alice", "event edit 1 on:2026-03-29 title:\"x\"").text()).contains("apply to the whole series");
        // the moved occurrence reminds at its new time only
        ok("carol", "rsvp 1 going on:2026-03-29");
        port.drain();
        assertThat(at("2026-03-27T12:00:00Z")).isEmpty(); // the planner now sees the 29th
        assertThat(summary(at("2026-03-27T13:00:00Z"))).startsWith("post console:data-science Lunch & learn — "
                + "Sun 29 Mar 2026, 15:00–15:45 CEST · Room 5").doesNotContain("\n");
        assertThat(summary(at("2026-03-28T13:00:00Z"))).startsWith("dm console:carol Reminder: Lunch & learn starts in 24 hours");
        assertThat(at("2026-03-29T10:00:00Z")).isEmpty(); // 1 h before 13:00 CEST, its time before the move
        assertThat(summary(at("2026-03-29T12:00:00Z"))).startsWith("dm console:carol Reminder: Lunch & learn starts in 1 hour");
        assertThat(summary(at("2026-03-29T13:00:00Z"))).startsWith("post console:data-science Starting now");
    }

    @Test
    void withNoArgumentsOnAPlatformCreateOpensAFormWhoseSubmissionCreatesTheEvent() {
        Actor alice = new Actor(UserId.console("alice"), "alice", Optional.of(ZoneId.of("Europe/Berlin")), false);
        Reply opened = bot.handle(new Inbound.CommandInvoked(alice, CHANNEL, Optional.empty(), "event create",
                Optional.of("trigger-1"))).orElseThrow();
        assertThat(opened.ok()).isTrue();
        Form form = opened.form().orElseThrow();
        assertThat(form.id()).isEqualTo(Events.CREATE_FORM);
        assertThat(form.context()).isEqualTo(CHANNEL.toString());
        assertThat(form.inputs()).extracting(Form.Input::id).contains("title", "date", "time", "tz", "repeat");
        assertThat(form.inputs()).filteredOn(i -> i.id().equals("tz")).singleElement()
                .extracting(Form.Input::initialValue).isEqualTo("Europe/Berlin");
        // pickers where a platform has them, and a menu of the communities alice may announce events of
        assertThat(form.inputs()).extracting(Form.Input::kind).containsSubsequence(Form.Input.Kind.DATE,
                Form.Input.Kind.TIME, Form.Input.Kind.CHOICE);
        assertThat(form.inputs()).filteredOn(i -> i.id().equals("community")).singleElement()
                .satisfies(i -> assertThat(i.choices()).containsExactly("data-science"));

        Reply bad = bot.handle(new Inbound.FormSubmitted(alice, form.id(), Map.of("title", "Demo", "date", "2026-03-25",
                "time", "9am-ish"), form.context())).orElseThrow();
        assertThat(bad.ok()).isFalse();
        assertThat(bad.text()).contains("not a time I can read");
        Reply created = bot.handle(new Inbound.FormSubmitted(alice, form.id(), Map.of("title", "Demo day",
                "date", "2026-03-25", "time", "9am", "tz", "", "repeat", "monthly"), form.context())).orElseThrow();
        assertThat(created.ok()).as(created.text()).isTrue();
        assertThat(event(created)).containsEntry("start", "2026-03-25T09:00+01:00").containsEntry("rrule", "FREQ=MONTHLY")
                .containsEntry("zone", "Europe/Berlin");
        assertThat(port.drain()).extracting(Sent::type).containsExactly("post");
        // in the console (no interaction to open a form with) the arguments are required
        assertThat(refused("alice", "event create").text()).contains("Missing <\"title\">");
    }

    @Test
    void theIcsExportParsesBackWithTheSameData() throws Exception {
        ok("alice", WEEKLY);
        ok("alice", "event cancel 1 on:2026-03-29");
        ok("alice", "event edit 1 on:2026-04-05 time:14:00");
        ok("alice", "event edit 1 title:\"Lunch & learn: Kafka\"");
        Reply exported = ok("carol", "event ics 1");
        String ics = (String) exported.data().get("ics");
        assertThat(exported.text()).contains("BEGIN:VCALENDAR");
        assertThat(exported.data()).containsEntry("filename", "event-1.ics");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        assertThat(vevents).hasSize(2);
        VEvent master = vevents.stream().filter(v -> v.getProperty(Property.RECURRENCE_ID).isEmpty()).findFirst().orElseThrow();
        VEvent moved = vevents.stream().filter(v -> v.getProperty(Property.RECURRENCE_ID).isPresent()).findFirst().orElseThrow();
        assertThat(value(master, Property.UID)).isEqualTo("event-1-data-science@copbot");
        assertThat(value(moved, Property.UID)).isEqualTo("event-1-data-science@copbot");
        assertThat(value(master, Property.SUMMARY)).isEqualTo("Lunch & learn: Kafka");
        assertThat(value(master, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(master, Property.RRULE)).isEqualTo("FREQ=WEEKLY");
        assertThat(value(master, Property.DESCRIPTION)).isEqualTo("Kafka consumer lag, with pizza");
        assertThat(value(master, Property.LOCATION)).isEqualTo("Room 4");
        assertThat(value(master, Property.URL)).startsWith("https://chat.example/data-science/");
        assertThat(value(master, Property.DURATION)).isEqualTo("PT45M");
        assertThat(local(master.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate()))
                .isEqualTo("2026-03-22T12:00+01:00");
        assertThat(master.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        ExDate<?> exdate = master.<ExDate<?>>getProperty(Property.EXDATE).orElseThrow();
        assertThat(exdate.getDates()).singleElement().satisfies(d -> assertThat(local((Temporal) d)).isEqualTo("2026-03-29T12:00+02:00"));
        assertThat(local(moved.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID).orElseThrow().getDate()))
                .isEqualTo("2026-04-05T12:00+02:00");
        assertThat(local(moved.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate()))
                .isEqualTo("2026-04-05T14:00+02:00");
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).singleElement()
                .satisfies(z -> {
                    assertThat(z.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
                    assertThat(z.getObservances()).hasSize(2); // this year's rules, not Berlin's history since 1893
                });

        ok("alice", "event cancel 1");
        VEvent cancelled = new CalendarBuilder().build(new StringReader(bot.events().feed("data-science").orElseThrow()))
                .<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("4");
        assertThat(bot.events().feed("nosuch")).isEmpty();
    }

    @Test
    void aUtcEventIsWrittenInUtcTimesWithNoTimeZoneToResolve() throws Exception {
        ok("admin", "event create \"Admin hour\" 2026-03-26 16:00 tz:UTC repeat:weekly community:data-science");
        ok("admin", "event cancel 1 on:2026-04-02");
        ok("admin", "event edit 1 on:2026-04-09 time:17:00");
        String ics = (String) ok("bob", "event ics 1").data().get("ics");
        assertThat(ics).contains("DTSTART:20260326T160000Z", "EXDATE:20260402T160000Z", "RECURRENCE-ID:20260409T160000Z")
                .doesNotContain("TZID", "VTIMEZONE");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(calendar.getComponents("VEVENT")).hasSize(2);
    }

    private static String value(VEvent v, String property) {
        return v.getProperty(property).map(Property::getValue).orElse(null);
    }

    /** A parsed date-time as an offset time string, whatever zone object ical4j attached. */
    private static String local(Temporal t) {
        return ((ZonedDateTime) t).toOffsetDateTime().toString();
    }
}
