package dev.copbot.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.OnEachStore;
import dev.copbot.core.testing.StoreKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worked example of CONTRIBUTING.md: one handler file, one line in Features, this test. */
class MemberListTest extends OnEachStore {
    BotDriver bot;

    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }

    @BeforeEach
    void start() {
        bot = new BotDriver(db);
    }

    @Test
    void leadersSeeTheMembers() {
        bot.admin("community create data-science");
        bot.as("alice", "join data-science");
        Reply list = bot.admin("community members data-science");
        assertThat(list.ok()).as(list.text()).isTrue();
        assertThat(list.data().get("members")).asList().contains("alice");
        assertThat(bot.as("alice", "community members data-science").ok()).as("members are not leaders").isFalse();
        assertThat(bot.admin("community members data-sceince").text())
                .contains("no community named 'data-sceince'").contains("data-science");
    }
}
