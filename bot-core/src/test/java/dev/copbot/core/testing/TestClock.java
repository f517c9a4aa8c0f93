package dev.copbot.core.testing;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One settable time for the bot and for db-scheduler's manual scheduler, so tests drive both at once. */
public final class TestClock extends Clock {
    public final SettableClock scheduler = new SettableClock();

    public TestClock(Instant start) {
        set(start);
    }

    public void set(Instant at) {
        scheduler.set(at);
    }

    @Override
    public Instant instant() {
        return scheduler.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
