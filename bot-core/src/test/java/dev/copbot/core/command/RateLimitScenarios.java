package dev.copbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.OnEachStore;
import dev.copbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-person rate limits of the expensive commands, through the real bot and router, with a driven clock: a person
 * who runs too many searches a minute gets a clear refusal with the wait, others and cheap commands are untouched,
 * and the budget refills with time.
 */
abstract class RateLimitScenarios extends OnEachStore {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    TestClock clock;
    BotDriver bot;

    @BeforeEach
    void start() {
        clock = new TestClock(T0);
        BotSettings settings = BotSettings.defaults().withLimits(new RateLimits(3, 2, 3, 2));
        bot = new BotDriver(db, settings, clock, new ChatPorts());
        assertThat(bot.admin("community create kafka purpose:\"Streams\"").ok()).isTrue();
    }

    void advance(Duration d) {
        clock.set(clock.instant().plus(d));
    }

    @Test
    void theFourthSearchInAMinuteIsRefusedWithTheWaitAndNoStackTrace() {
        for (int i = 0; i < 3; i++) {
            assertThat(bot.as("alice", "search kafka lag").ok()).isTrue();
        }
        Reply refused = bot.as("alice", "search kafka lag");
        assertThat(refused.ok()).isFalse();
        // 3 a minute refill one every 20 s.
        assertThat(refused.text()).startsWith("You are going fast: try again in 20 s.")
                .doesNotContain("Exception").doesNotContain("at dev.copbot").doesNotContain("Usage");
        assertThat(refused.data()).containsEntry("retry_after_seconds", 20L);
        assertThat(refused.command()).isEqualTo("search");

        advance(Duration.ofSeconds(19));
        assertThat(bot.as("alice", "search kafka lag").text()).startsWith("You are going fast: try again in 1 s.");
        advance(Duration.ofSeconds(1));
        assertThat(bot.as("alice", "search kafka lag").ok()).isTrue();
        assertThat(bot.as("alice", "search kafka lag").ok()).isFalse();
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(bot.as("alice", "search kafka lag").ok()).as("a full minute refills the whole budget").isTrue();
        }
    }

    @Test
    void theLimitIsPerPersonAndPerKindOfCommand() {
        for (int i = 0; i < 3; i++) {
            bot.as("alice", "search kafka");
        }
        assertThat(bot.as("alice", "search kafka").ok()).isFalse();
        assertThat(bot.as("bob", "search kafka").ok()).as("bob has a budget of his own").isTrue();
        assertThat(bot.as("alice", "experts kafka").ok()).as("experts has a budget of its own").isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(bot.as("alice", "communities").ok()).as("cheap commands are never limited").isTrue();
        }
        assertThat(bot.as("alice", "experts kafka").ok()).isTrue();
        assertThat(bot.as("alice", "experts kafka").ok()).isTrue();
        assertThat(bot.as("alice", "experts kafka").text()).contains("You are going fast").contains("expert look-ups");
    }

    @Test
    void askAndHealthChartsAreLimitedToo() {
        bot.as("alice", "join kafka");
        assertThat(bot.as("alice", "ask how do I shrink consumer lag community:kafka").text()).doesNotContain("going fast");
        assertThat(bot.as("alice", "ask how do I shrink consumer lag community:kafka").text()).doesNotContain("going fast");
        assertThat(bot.as("alice", "ask how do I shrink consumer lag community:kafka").text())
                .startsWith("You are going fast: try again in 30 s.");
        assertThat(bot.admin("health kafka").ok()).isTrue();
        assertThat(bot.admin("health kafka").ok()).isTrue();
        Reply third = bot.admin("health kafka");
        assertThat(third.ok()).isFalse();
        assertThat(third.text()).contains("health charts");
    }

    @Test
    void aMistypedCommandCostsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(bot.as("alice", "search kafka nowhere:x").ok()).isFalse();
        }
        assertThat(bot.as("alice", "search kafka").ok()).isTrue();
    }

    @Test
    void theDefaultsLeaveNormalUseAlone() {
        BotDriver defaults = new BotDriver(db, BotSettings.defaults(), clock, new ChatPorts());
        for (int i = 0; i < RateLimits.defaults().searchesPerMinute(); i++) {
            assertThat(defaults.as("carol", "search kafka " + i).ok()).isTrue();
        }
        assertThat(RateLimits.defaults().searchesPerMinute()).isGreaterThanOrEqualTo(20);
    }
}
