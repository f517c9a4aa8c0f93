package dev.copbot.core.event;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.SqliteSchedulerDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable, cluster-safe event notices on db-scheduler: per occurrence an announcement ({@code announce}), DMs to
 * everyone going ({@code remind-<minutes>}) and a "starting now" post ({@code start}). Each notice is one task
 * instance with a deterministic id ({@code <event>:<occurrence millis>:<kind>}), so planning twice schedules once;
 * db-scheduler lets one replica pick it; and the notice is claimed in {@code event_notices} before it is sent, so it
 * goes out at most once across restarts and replicas. A recurring planner task schedules what falls due in the next
 * days, so series never need an infinite schedule. Every notice re-checks the event when it runs: an edit, a move
 * or a cancellation since it was planned makes it a no-op.
 */
public final class EventReminders {
    public static final String NOTICE_TASK = "event-notice";
    public static final String PLANNER_TASK = "event-planner";
    static final Duration PLAN_EVERY = Duration.ofMinutes(10);
    /** Longer than the longest lead (7 days) plus a planner period, so nothing falls between two plans. */
    static final Duration HORIZON = Duration.ofDays(8);
    private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

    private final Database db;
    private final EventStore store;
    private final Announcer announcer;
    private final Clock clock;
    private final OneTimeTask<Void> notice;
    private final RecurringTask<Void> planner;
    private final SchedulerClient client;

    EventReminders(Database db, EventStore store, Announcer announcer, Clock clock) {
        this.db = db;
        this.store = store;
        this.announcer = announcer;
        this.clock = clock;
        this.notice = Tasks.oneTime(NOTICE_TASK).execute(this::run);
        this.planner = Tasks.recurring(PLANNER_TASK, FixedDelay.of(PLAN_EVERY)).execute((instance, ctx) -> planAll());
        SchedulerClient.Builder builder = SchedulerClient.Builder.create(db.dataSource(), notice, planner);
        SqliteSchedulerDialect.forStore(db).ifPresent(builder::jdbcCustomization);
        this.client = builder.build();
    }

    /** The notice and planner jobs, registered with the process's scheduler (tests drive a ManualScheduler with them). */
    public List<Task<?>> tasks() {
        return List.of(notice, planner);
    }

    /** The planner, for a scheduler built elsewhere that should run it as a start task. */
    RecurringTask<Void> planner() {
        return planner;
    }

    /** Plans the notices of every live event. */
    public void planAll() {
        store.live(Optional.empty()).forEach(this::plan);
    }

    /**
     * Schedules (or moves) the notices of an event's occurrences in the horizon. Call after the change is committed:
     * db-scheduler writes through its own connection.
     */
    public void plan(Event e) {
        Instant now = clock.instant();
        EventSettings settings = store.settings(e.community());
        Map<Instant, EventStore.Override> overrides = store.overrides(e.id());
        for (Occurrence o : Recurrence.between(e, overrides, now, now.plus(HORIZON))) {
            if (o.cancelled()) {
                continue;
            }
            for (Notice n : notices(o, settings)) {
                if (store.noticeSent(e.id(), o.key(), n.kind())) {
                    continue;
                }
                boolean announce = n.kind().equals(Notice.ANNOUNCE);
                if (n.due().isBefore(now) && !announce) {
                    continue; // a reminder due in the past would arrive late: skip it
                }
                schedule(n.id(e.id(), o.key()), announce && n.due().isBefore(now) ? now : n.due());
            }
        }
    }

    private void schedule(String id, Instant at) {
        TaskInstance<Void> instance = notice.instance(id);
        try {
            Optional<Instant> existing = client.getScheduledExecution(TaskInstanceId.of(NOTICE_TASK, id))
                    .map(s -> s.getExecutionTime());
            if (existing.isEmpty()) {
                client.scheduleIfNotExists(instance, at);
            } else if (!existing.get().equals(at)) {
                client.reschedule(instance, at);
            }
        } catch (RuntimeException ex) {
            // Picked by another replica right now, or a race with it: the notice re-checks itself when it runs.
            log.debug("could not (re)schedule notice {}: {}", id, ex.getMessage());
        }
    }

    private void run(TaskInstance<Void> instance, ExecutionContext ctx) {
        Notice.Key key = Notice.parse(instance.getId());
        Instant planned = ctx.getExecution().executionTime;
        Optional<Event> event = store.find(key.eventId()).filter(e -> !e.cancelled());
        if (event.isEmpty()) {
            return;
        }
        Event e = event.get();
        Optional<Occurrence> occurrence = Recurrence.byKey(e, store.overrides(e.id()), key.occurrence())
                .filter(o -> !o.cancelled());
        Instant now = clock.instant();
        Optional<Notice> current = occurrence.flatMap(o -> notices(o, store.settings(e.community())).stream()
                .filter(n -> n.kind().equals(key.kind())).findFirst());
        if (current.isEmpty() || occurrence.get().end().isBefore(now)) {
            return; // cancelled, no longer configured, or over
        }
        Occurrence o = occurrence.get();
        boolean announce = key.kind().equals(Notice.ANNOUNCE);
        if (!announce && !current.get().due().equals(planned)) {
            return; // the occurrence moved since this was planned; the planner schedules the right instant
        }
        if (!key.kind().equals(Notice.START) && !o.start().isAfter(now)) {
            return; // too late to be useful
        }
        if (!store.claimNotice(e.id(), o.key(), key.kind(), now)) {
            return; // sent already (a restart, another replica)
        }
        deliver(e, o, current.get());
    }

    private void deliver(Event e, Occurrence o, Notice n) {
        switch (n.kind()) {
            case Notice.ANNOUNCE -> announcer.announce(e, o);
            case Notice.START -> announcer.postInChannels(e, Reply.ok("Starting now: " + e.title()
                    + e.location().map(w -> " · " + w).orElse("") + " (event " + e.id() + ")"));
            default -> {
                List<UserId> going = store.answers(e.id(), o.key()).get(Answer.GOING);
                announcer.tell(going, zone -> Reply.ok("Reminder: " + e.title() + " starts "
                        + When.ahead(n.lead()) + ", " + When.span(o.start(), e.duration(), zone)
                        + e.location().map(w -> " · " + w).orElse("") + ". Can't make it? /cop "
                        + Announcer.rsvpCommand(e, o, Answer.DECLINED)));
            }
        }
    }

    /** Cancels the planned notices of one occurrence (best effort: each notice re-checks itself anyway). */
    void unplan(Event e, Occurrence o) {
        for (Notice n : notices(o, store.settings(e.community()))) {
            try {
                client.cancel(TaskInstanceId.of(NOTICE_TASK, n.id(e.id(), o.key())));
            } catch (RuntimeException ex) {
                log.debug("no planned notice {} to cancel: {}", n.id(e.id(), o.key()), ex.getMessage());
            }
        }
    }

    private static List<Notice> notices(Occurrence o, EventSettings s) {
        List<Notice> out = new ArrayList<>();
        out.add(new Notice(Notice.ANNOUNCE, s.announce(), o.start().minus(s.announce())));
        s.reminders().forEach(r -> out.add(new Notice("remind-" + r.toMinutes(), r, o.start().minus(r))));
        out.add(new Notice(Notice.START, Duration.ZERO, o.start()));
        return out;
    }

    /** One notice of an occurrence: its kind, how long before the start, and when it is due. */
    record Notice(String kind, Duration lead, Instant due) {
        static final String ANNOUNCE = "announce";
        static final String START = "start";

        record Key(long eventId, Instant occurrence, String kind) {}

        String id(long eventId, Instant occurrence) {
            return eventId + ":" + occurrence.toEpochMilli() + ":" + kind;
        }

        static Key parse(String id) {
            String[] p = id.split(":", 3);
            return new Key(Long.parseLong(p[0]), Instant.ofEpochMilli(Long.parseLong(p[1])), p[2]);
        }
    }
}
