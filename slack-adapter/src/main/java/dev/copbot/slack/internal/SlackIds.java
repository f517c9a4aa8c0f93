package dev.copbot.slack.internal;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import java.math.BigDecimal;
import java.time.Instant;

/** Slack's ids and timestamps as core values: ids scoped by workspace, {@code ts} strings as instants. */
public final class SlackIds {
    private SlackIds() {}

    public static UserId user(String team, String user) {
        return new UserId(Platform.SLACK, team, user);
    }

    public static ChannelId channel(String team, String channel) {
        return new ChannelId(Platform.SLACK, team, channel);
    }

    /** A message {@code ts} ("1531420618.000200") or event time as an instant; null or garbage gives {@code fallback}. */
    public static Instant instant(String ts, Instant fallback) {
        if (ts == null || ts.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal seconds = new BigDecimal(ts);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return fallback;
        }
    }

    /** Message events say channel/group/im/mpim; membership events say C/G. Unknown counts as private (safer). */
    public static Visibility visibility(String channelType) {
        if (channelType == null) {
            return Visibility.PRIVATE;
        }
        return switch (channelType) {
            case "channel", "C" -> Visibility.PUBLIC;
            case "im", "mpim", "D" -> Visibility.DIRECT;
            default -> Visibility.PRIVATE;
        };
    }
}
