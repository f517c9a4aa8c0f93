package dev.copbot.core.store;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The process's one durable scheduler (db-scheduler on the store), knowing every feature's jobs. Durable and
 * cluster-safe: one replica picks each due job. Recurring jobs are scheduled when it starts.
 */
public final class Jobs {
    private Jobs() {}

    /** Starts polling the store every {@code pollEvery}; stop the returned scheduler on shutdown. */
    public static Scheduler start(Database db, Clock clock, Duration pollEvery, List<Task<?>> jobs) {
        List<RecurringTask<?>> recurring = jobs.stream().filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        // db-scheduler adds start tasks to the known ones itself: naming them twice is an error.
        SchedulerBuilder builder = Scheduler.create(db.dataSource(),
                jobs.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList());
        SqliteSchedulerDialect.forStore(db).ifPresent(builder::jdbcCustomization);
        Scheduler scheduler = builder.startTasks(recurring)
                .clock(clock::instant)
                .pollingInterval(pollEvery)
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        return scheduler;
    }
}
