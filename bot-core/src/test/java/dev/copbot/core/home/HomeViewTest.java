package dev.copbot.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeViewTest {
    @TempDir
    Path tmp;
    Database db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void showsTheUsersOwnCommunitiesAndSkillsWithButtonsThatRunCommands() {
        db = TestDatabases.sqlite(tmp);
        BotDriver driver = new BotDriver(db);
        driver.admin("community create data-science");
        driver.admin("community create sre");
        driver.as("alice", "join sre");
        driver.as("alice", "skills add kafka");

        Reply home = driver.bot().home(Actor.of(UserId.console("alice"), "Alice"));
        assertThat(home.data()).containsEntry("communities", List.of("sre")).containsEntry("skills", List.of("kafka"));
        assertThat(home.text()).contains("Your communities: sre", "Your skills: kafka").doesNotContain("data-science");
        Block.Actions actions = (Block.Actions) home.blocks().get(3);
        assertThat(actions.buttons()).allSatisfy(b -> assertThat(b.action()).isEqualTo(Button.RUN_COMMAND));
        assertThat(driver.bot().router().spec("communities")).isPresent();
    }

    @Test
    void aNewcomerIsToldHowToStart() {
        db = TestDatabases.sqlite(tmp);
        Reply home = new BotDriver(db).bot().home(Actor.of(UserId.console("bob"), "Bob"));
        assertThat(((Block.Section) home.blocks().get(0)).text()).contains("Nothing in the next 30 days", "/cop events");
        assertThat(((Block.Section) home.blocks().get(1)).text()).contains("/cop join <name>");
        assertThat(((Block.Section) home.blocks().get(2)).text()).contains("/cop skills add <skill>");
    }

    @Test
    void listsTheUpcomingEventsThePersonIsGoingTo() {
        db = TestDatabases.sqlite(tmp);
        BotDriver driver = new BotDriver(db);
        driver.admin("community create sre");
        Reply created = driver.admin("event create \"Incident review\" 2026-12-03 12:00 tz:UTC community:sre");
        assertThat(created.ok()).as(created.text()).isTrue();
        Object id = ((Map<?, ?>) created.data().get("event")).get("id");
        driver.admin("event create \"Chaos day\" 2026-12-10 09:00 tz:UTC community:sre");
        assertThat(driver.as("alice", "rsvp " + id + " going").ok()).isTrue();

        Reply home = driver.bot().home(Actor.of(UserId.console("alice"), "Alice"));
        assertThat(home.text()).contains("Events you are going to: Incident review (2026-12-03T12:00:00Z)")
                .doesNotContain("Chaos day");
        assertThat(((Block.Section) home.blocks().get(0)).text())
                .startsWith("{time:" + Instant.parse("2026-12-03T12:00:00Z").getEpochSecond() + "|")
                .contains("Incident review (sre, event " + id + ")");
        assertThat(driver.bot().home(Actor.of(UserId.console("bob"), "Bob")).text())
                .contains("Events you are going to: none in the next 30 days");
    }
}
