package dev.copbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.reply.TimeText;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplyRendererTimesTest {
    @Test
    void coreTimeMarksBecomeDiscordTimestamps() {
        String mark = TimeText.mark(Instant.parse("2026-03-05T17:30:00Z"), "Thu 5 Mar 17:30 UTC");
        assertThat(ReplyRenderer.times("Starts " + mark + ", doors open earlier"))
                .isEqualTo("Starts <t:1772731800:F>, doors open earlier");
    }
}
