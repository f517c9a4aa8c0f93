package dev.copbot.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommunitySqliteTest extends CommunityScenarios {
    @Override
    Database open(Path dir) {
        return TestDatabases.sqlite(dir);
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
        assertThat(again.as("bob", "skills list @alice").data().get("skills")).isEqualTo(java.util.List.of("kafka"));
    }
}
