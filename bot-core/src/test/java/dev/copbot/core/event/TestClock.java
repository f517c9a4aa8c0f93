package dev.copbot.core.event;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One settable time for the bot and for db-scheduler's manual scheduler, so tests drive both at once. */
final class TestClock extends Clock {
    final SettableClock scheduler = new SettableClock();

    TestClock(Instant start) {
        set(start);
    }

    void set(Instant at) {
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
