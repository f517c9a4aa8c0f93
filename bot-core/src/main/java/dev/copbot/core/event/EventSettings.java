package dev.copbot.core.event;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Per-community timing: DMs to people going {@code reminders} before, and each occurrence announced {@code announce} before. */
public record EventSettings(List<Duration> reminders, Duration announce) {
    public static final EventSettings DEFAULTS = new EventSettings(List.of(Duration.ofHours(24), Duration.ofHours(1)),
            Duration.ofDays(2));

    public EventSettings {
        reminders = reminders.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
