package dev.copbot.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommunitySqliteTest extends CommunityScenarios {
    @Override
    protected StoreKind kind() {
        return StoreKind.SQLITE;
    }

    @Test
    void everythingReadsBackAfterReopeningTheFile() {
        bot.admin("community create kafka purpose:\"Streams\"");
        bot.as("alice", "join kafka");
        bot.as("alice", "skills add kafka");
        db.close();
        assertThat(Files.exists(tmp.resolve("copbot.db"))).isTrue();

        db = open(tmp);
        BotDriver again = new BotDriver(db);
        assertThat(community(again.as("bob", "community info kafka")))
                .containsEntry("purpose", "Streams").containsEntry("members", 1L);
        assertThat(again.as("bob", "skills list @alice").data().get("skills")).isEqualTo(List.of("kafka"));
    }
}
