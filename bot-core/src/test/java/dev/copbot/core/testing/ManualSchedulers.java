package dev.copbot.core.testing;

import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.SqliteSchedulerDialect;
import java.util.List;

/**
 * A db-scheduler ManualScheduler (not started yet) on the test's store, with the SQL dialect the bot uses there and the test's
 * clock: {@code known} are the tasks it may run, {@code startTasks} the recurring ones it schedules on start.
 */
public final class ManualSchedulers {
    private ManualSchedulers() {}

    public static <T extends Task<?> & OnStartup> ManualScheduler create(Database db, TestClock clock, List<Task<?>> known,
                                                                         List<T> startTasks) {
        return builder(db, clock, known).startTasks(startTasks).build();
    }

    public static ManualScheduler create(Database db, TestClock clock, List<Task<?>> known) {
        return builder(db, clock, known).build();
    }

    private static TestHelper.ManualSchedulerBuilder builder(Database db, TestClock clock, List<Task<?>> known) {
        TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(db.dataSource(), known);
        SqliteSchedulerDialect.forStore(db).ifPresent(builder::jdbcCustomization);
        return builder.clock(clock.scheduler);
    }
}
