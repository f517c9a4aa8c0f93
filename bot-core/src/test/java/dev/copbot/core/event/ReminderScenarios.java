package dev.copbot.core.event;

import dev.copbot.core.store.Jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import dev.copbot.core.testing.RecordingPort.Sent;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import java.util.Map;
import dev.copbot.core.platform.MessageId;

/** Announcing, answering and reminding, with the clock driven across DST, restarts and a second scheduler. */
abstract class ReminderScenarios extends EventScenarios {

    @Test
    void theAnnouncementTakesIdempotentAnswersAndUpdatesItsCountsInPlace() {
        Reply created = ok("alice", WEEKLY);
        assertThat(event(created)).containsEntry("id", 1L).containsEntry("title", "Lunch & learn")
                .containsEntry("start", "2026-03-22T12:00+01:00").containsEntry("zone", "Europe/Berlin")
                .containsEntry("rrule", "FREQ=WEEKLY").containsEntry("going", 0).containsEntry("maybe", 0)
                .containsEntry("declined", 0);
        List<Sent> posted = port.drain();
        assertThat(posted).hasSize(1);
        Sent announcement = posted.get(0);
        assertThat(announcement.type()).isEqualTo("post");
        assertThat(announcement.to()).isEqualTo("console:data-science");
        assertThat(announcement.reply().ephemeral()).isFalse();
        assertThat(announcement.text()).contains("Lunch & learn", "Sun 22 Mar 2026, 12:00–12:45 CET", "Room 4",
                "Repeats: weekly", "Kafka consumer lag");
        List<Button> buttons = buttons(announcement.reply());
        assertThat(buttons).extracting(Button::value).containsExactly("rsvp 1 going on:2026-03-22",
                "rsvp 1 maybe on:2026-03-22", "rsvp 1 no on:2026-03-22");
        var message = new MessageId(CHANNEL, announcement.messageId());

        Reply going = click("bob", message, buttons.get(0));
        assertThat(going.ok()).as(going.text()).isTrue();
        assertThat(event(going)).containsEntry("going", 1);
        Reply again = click("bob", message, buttons.get(0));
        assertThat(again.text()).contains("already answered going");
        assertThat(event(again)).containsEntry("going", 1);
        List<Sent> updates = port.drain();
        assertThat(updates).hasSize(1); // the second click changed nothing, so nothing was rewritten
        assertThat(updates.get(0).type()).isEqualTo("update");
        assertThat(updates.get(0).messageId()).isEqualTo(announcement.messageId());
        assertThat(updates.get(0).text()).contains("Going: 1", "Maybe: 0");

        assertThat(event(ok("bob", "rsvp 1 maybe"))).containsEntry("going", 0).containsEntry("maybe", 1);
        assertThat(event(ok("carol", "rsvp #1 no"))).containsEntry("going", 0).containsEntry("maybe", 1)
                .containsEntry("declined", 1);
        assertThat(port.drain()).extracting(Sent::type).containsExactly("update", "update");

        Reply who = ok("alice", "event who 1");
        assertThat(who.text()).contains("0 going, 1 maybe, 1 can't go");
        assertThat(refused("bob", "rsvp 1 perhaps").text()).contains("not an answer");
        assertThat(refused("bob", "rsvp 99 going").text()).contains("no event 99");
        assertThat(port.drain()).isEmpty();
    }

    @Test
    void remindersFireAtTheRightInstantsAcrossTheDstChange() {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");                 // the next occurrence: Sunday 22 March
        ok("bob", "rsvp 1 going on:2026-03-29");   // and the one after the clocks change
        ok("carol", "rsvp 1 maybe");               // maybe: no reminders
        port.drain();

        // 22 March 12:00 CET is 11:00 UTC
        assertThat(at("2026-03-21T10:59:59Z")).isEmpty();
        assertThat(summary(at("2026-03-21T11:00:00Z"))).startsWith("dm console:bob Reminder: Lunch & learn starts in 24 hours")
                .doesNotContain("\n");
        assertThat(at("2026-03-22T09:59:59Z")).isEmpty();
        assertThat(summary(at("2026-03-22T10:00:00Z"))).startsWith("dm console:bob Reminder: Lunch & learn starts in 1 hour")
                .doesNotContain("\n");
        assertThat(summary(at("2026-03-22T11:00:00Z")))
                .isEqualTo("post console:data-science Starting now: Lunch & learn · Room 4 (event 1)");

        // 29 March 12:00 CEST is 10:00 UTC: announced two days before, reminded 24 h and 1 h before, in absolute time
        assertThat(at("2026-03-27T09:59:59Z")).isEmpty();
        List<Sent> announced = at("2026-03-27T10:00:00Z");
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).type()).isEqualTo("post");
        assertThat(announced.get(0).text()).contains("Sun 29 Mar 2026, 12:00–12:45 CEST", "Going: 1");
        assertThat(at("2026-03-28T09:59:59Z")).isEmpty();
        List<Sent> dayBefore = at("2026-03-28T10:00:00Z");
        assertThat(summary(dayBefore)).startsWith("dm console:bob Reminder: Lunch & learn starts in 24 hours")
                .doesNotContain("\n");
        assertThat(dayBefore.get(0).reply().text()).contains("Sun 29 Mar 2026, 10:00–10:45 UTC"); // bob's zone: UTC
        assertThat(at("2026-03-29T08:59:59Z")).isEmpty();
        assertThat(summary(at("2026-03-29T09:00:00Z"))).startsWith("dm console:bob Reminder").doesNotContain("\n");
        assertThat(summary(at("2026-03-29T10:00:00Z"))).startsWith("post console:data-science Starting now");
        assertThat(at("2026-03-29T12:00:00Z")).isEmpty();
    }

    @Test
    void remindersSurviveRestartsAndAreNeverSentTwice() {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");
        port.drain();
        restart(); // planned before the restart, nothing in memory
        assertThat(summary(at("2026-03-21T11:00:00Z"))).startsWith("dm console:bob Reminder").doesNotContain("\n");
        restart();
        assertThat(at("2026-03-21T11:00:00Z")).isEmpty();
        assertThat(at("2026-03-21T11:30:00Z")).isEmpty(); // the planner runs again: nothing is planned twice
        bot.events().reminders().planAll();
        assertThat(summary(at("2026-03-22T10:00:00Z"))).startsWith("dm console:bob Reminder: Lunch & learn starts in 1 hour")
                .doesNotContain("\n");
        restart();
        assertThat(at("2026-03-22T10:30:00Z")).isEmpty();
    }

    @Test
    void twoSchedulersOnOneStoreSendEachReminderOnce() throws Exception {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");
        ok("carol", "rsvp 1 going");
        port.drain();
        ManualScheduler second = newScheduler();
        for (String due : List.of("2026-03-21T11:00:00Z", "2026-03-22T10:00:00Z")) {
            clock.set(Instant.parse(due));
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
                for (ManualScheduler s : List.of(scheduler, second)) {
                    runs.add(replicas.submit(() -> {
                        together.await();
                        s.runAnyDueExecutions();
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            }
            assertThat(port.drain()).extracting(Sent::to).containsExactlyInAnyOrder("console:bob", "console:carol");
        }
        second.runAnyDueExecutions();
        scheduler.runAnyDueExecutions();
        assertThat(port.drain()).isEmpty();
    }

    @Test
    void aCancelledOccurrenceGetsNoRemindersAndItsPeopleAreTold() {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");
        ok("bob", "rsvp 1 going on:2026-03-29");
        port.drain();
        Reply cancelled = ok("alice", "event cancel 1 on:2026-03-29");
        assertThat(cancelled.text()).contains("Cancelled the 2026-03-29 occurrence", "Told 1 person");
        assertThat(summary(port.drain())).startsWith("dm console:bob Cancelled: Lunch & learn on Sun 29 Mar 2026, 10:00 UTC")
                .contains("The next one is Sun 5 Apr 2026, 10:00 UTC").doesNotContain("\n");
        assertThat(refused("bob", "rsvp 1 going on:2026-03-29").text()).contains("is cancelled");
        assertThat(refused("alice", "event cancel 1 on:2026-03-29").text()).contains("already cancelled");
        assertThat(refused("alice", "event cancel 1 on:2026-03-30").text()).contains("no occurrence on 2026-03-30");

        assertThat(at("2026-03-21T11:00:00Z")).hasSize(1);   // 22 March still reminds bob
        assertThat(at("2026-03-22T10:00:00Z")).hasSize(1);
        assertThat(at("2026-03-22T11:00:00Z")).hasSize(1);   // starting now
        for (String quiet : List.of("2026-03-27T10:00:00Z", "2026-03-28T10:00:00Z", "2026-03-29T09:00:00Z",
                "2026-03-29T10:00:00Z")) {
            assertThat(at(quiet)).as(quiet).isEmpty();
        }
        assertThat(at("2026-04-03T10:00:00Z")).extracting(Sent::type).containsExactly("post"); // 5 April's announcement
        Reply list = ok("carol", "events");
        assertThat(list.data().get("events")).asList().extracting(e -> ((Map<?, ?>) e).get("start"))
                .first().isEqualTo("2026-04-05T12:00+02:00");
    }

    @Test
    void theProductionSchedulerDeliversOnThisStore() throws Exception {
        ok("alice", WEEKLY);
        ok("bob", "rsvp 1 going");
        port.drain();
        clock.set(Instant.parse("2026-03-21T11:00:00Z"));
        Scheduler running = Jobs.start(db, clock, Duration.ofMillis(100), bot.jobs());
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<Sent> sent = new ArrayList<>();
            while (sent.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                sent.addAll(port.drain());
            }
            assertThat(summary(sent)).startsWith("dm console:bob Reminder: Lunch & learn starts in 24 hours");
        } finally {
            running.stop();
        }
        assertThat(port.drain()).isEmpty();
    }
}
