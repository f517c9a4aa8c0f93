package dev.copbot.core.community;

import dev.copbot.core.testing.OnEachStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.BotDriver;
import dev.copbot.core.testing.StoreKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Optional;
import dev.copbot.core.reply.Form;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Actor;

/** The community and skills commands end to end, through the router and a real store; run on each database. */
abstract class CommunityScenarios extends OnEachStore {
    BotDriver bot;

    @BeforeEach
    void start() {
        bot = new BotDriver(db);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> community(Reply reply) {
        return (Map<String, Object>) reply.data().get("community");
    }

    @Test
    void createJoinCharterLeave() {
        Reply created = bot.admin("/cop community create data-science purpose:\"Models and pipelines\"");
        assertThat(created.ok()).as(created.text()).isTrue();
        assertThat(created.command()).isEqualTo("community create");
        assertThat(community(created)).containsEntry("purpose", "Models and pipelines").containsEntry("members", 0L);

        assertThat(bot.as("alice", "join data-science").ok()).isTrue();
        assertThat(bot.as("bob", "join Data-Science").ok()).isTrue();

        Reply info = bot.as("alice", "community info data-science");
        assertThat(info.ok()).isTrue();
        assertThat(community(info)).containsEntry("members", 2L).containsEntry("leaders", List.of("admin"));
        assertThat(BotDriver.text(info)).contains("Members: 2", "Purpose: Models and pipelines", "Leaders: admin");

        Reply charter = bot.admin("community charter data-science scope:\"ML in production\" cadence:\"Thursdays 12:00\" "
                + "ask:\"Post in #data-science\"");
        assertThat(charter.ok()).as(charter.text()).isTrue();
        assertThat(community(bot.as("bob", "community info data-science")))
                .containsEntry("scope", "ML in production").containsEntry("cadence", "Thursdays 12:00")
                .containsEntry("ask", "Post in #data-science");

        assertThat(bot.as("bob", "leave data-science").ok()).isTrue();
        Reply list = bot.as("carol", "communities");
        assertThat(list.data().get("communities")).asList().hasSize(1);
        assertThat(((List<?>) list.data().get("communities")).get(0)).isInstanceOfSatisfying(Map.class, m -> assertThat(m.get("members")).isEqualTo(1L));
    }

    @Test
    void onlyAdminsCreateAndArchiveAndOnlyLeadersEditTheCharter() {
        Reply refused = bot.as("alice", "community create rogue");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.text()).contains("Only admins");
        assertThat(bot.as("alice", "communities").data().get("communities")).asList().isEmpty();

        bot.admin("community create kafka");
        bot.as("alice", "join kafka");
        Reply notLeader = bot.as("alice", "community charter kafka purpose:\"Streams\"");
        assertThat(notLeader.ok()).isFalse();
        assertThat(notLeader.text()).contains("Only leaders of kafka (admin) and admins");
        assertThat(community(bot.as("alice", "community info kafka"))).containsEntry("purpose", null);

        assertThat(bot.admin("community role kafka @alice leader").ok()).isTrue();
        assertThat(bot.as("alice", "community charter kafka purpose:\"Streams\"").ok()).isTrue();
        assertThat(bot.as("alice", "community role kafka @bob expert").ok()).isTrue();
        assertThat(community(bot.as("bob", "community info kafka")).get("roles"))
                .isEqualTo(Map.of("leader", List.of("console:admin", "console:alice"), "expert", List.of("console:bob")));

        Reply archive = bot.as("alice", "community archive kafka");
        assertThat(archive.ok()).isFalse();
        assertThat(archive.text()).contains("Only admins");
    }

    @Test
    void rolesAreGrantedOnceAndTheLastLeaderStays() {
        bot.admin("community create kafka");
        assertThat(bot.admin("community role kafka @bob expert").ok()).isTrue();
        Reply twice = bot.admin("community role kafka @bob expert");
        assertThat(twice.ok()).isFalse();
        assertThat(twice.text()).contains("already an expert");

        Reply lastLeader = bot.admin("community role kafka @admin -leader");
        assertThat(lastLeader.ok()).isFalse();
        assertThat(lastLeader.text()).contains("only leader");

        Reply notHeld = bot.admin("community role kafka @bob -sponsor");
        assertThat(notHeld.ok()).isFalse();
        assertThat(notHeld.text()).contains("not a sponsor");

        Reply typo = bot.admin("community role kafka @bob exprt");
        assertThat(typo.ok()).isFalse();
        assertThat(typo.text()).contains("Did you mean 'expert'?");

        assertThat(bot.admin("community role kafka @bob -expert").ok()).isTrue();
        assertThat(community(bot.admin("community info kafka")).get("roles")).isEqualTo(Map.of("leader", List.of("console:admin")));
    }

    @Test
    void membershipMistakesAreRefusedAndChangeNothing() {
        bot.admin("community create data-science");
        assertThat(bot.as("alice", "join data-science").ok()).isTrue();
        Reply again = bot.as("alice", "join data-science");
        assertThat(again.ok()).isFalse();
        assertThat(again.text()).contains("already a member");

        Reply notIn = bot.as("bob", "leave data-science");
        assertThat(notIn.ok()).isFalse();
        assertThat(notIn.text()).contains("not a member of data-science");

        Reply unknown = bot.as("bob", "join data-sciense");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.text()).contains("no community named 'data-sciense'", "Did you mean 'data-science'?");

        Reply badName = bot.admin("community create \"Data Science!\"");
        assertThat(badName.ok()).isFalse();
        assertThat(badName.text()).contains("Try 'data-science'");

        Reply duplicate = bot.admin("community create DATA-SCIENCE");
        assertThat(duplicate.ok()).isFalse();
        assertThat(duplicate.text()).contains("already exists");
        assertThat(community(bot.as("bob", "community info data-science"))).containsEntry("members", 1L);
    }

    @Test
    void archivedCommunitiesLeaveTheListAndTakeNoMembers() {
        bot.admin("community create old-guild channel:#old-guild");
        bot.as("alice", "join old-guild");
        assertThat(bot.admin("community archive old-guild").ok()).isTrue();
        assertThat(bot.as("bob", "communities").data().get("communities")).asList().isEmpty();
        Reply join = bot.as("bob", "join old-guild");
        assertThat(join.ok()).isFalse();
        assertThat(join.text()).contains("archived");
        assertThat(community(bot.as("bob", "community info old-guild")))
                .containsEntry("archived", true).containsEntry("channels", List.of("old-guild"));
        assertThat(bot.admin("community archive old-guild").ok()).isFalse();
    }

    @Test
    void skillsAreDeclaredListedAndRemoved() {
        Reply added = bot.as("alice", "skills add Kafka java, \"stream  processing\"");
        assertThat(added.ok()).as(added.text()).isTrue();
        assertThat(added.data().get("skills")).isEqualTo(List.of("java", "kafka", "stream processing"));

        Reply dup = bot.as("alice", "skills add kafka");
        assertThat(dup.ok()).isFalse();
        assertThat(dup.text()).contains("already list kafka");

        Reply missing = bot.as("alice", "skills remove kafak");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.text()).contains("Did you mean 'kafka'?");

        assertThat(bot.as("alice", "skills remove java").ok()).isTrue();
        Reply other = bot.as("bob", "skills list @alice");
        assertThat(other.data().get("skills")).isEqualTo(List.of("kafka", "stream processing"));
        assertThat(other.text()).contains("alice lists: kafka, stream processing");
        assertThat(bot.as("bob", "skills list").text()).contains("You have no declared skills");

        Reply bad = bot.as("alice", "skills add \"<script>\"");
        assertThat(bad.ok()).isFalse();
        assertThat(bad.text()).contains("not a skill I can store");
    }

    @Test
    void onAPlatformTheCharterWithoutFieldsOpensAFormThatSavesAndClears() {
        bot.admin("community create kafka purpose:\"Streams\"");
        Actor admin = Actor.of(
                UserId.console("admin"), "admin");
        Reply opened = bot.bot().run(new Inbound.CommandInvoked(admin,
                ChannelId.parse("console:console"), Optional.empty(),
                "community charter kafka", Optional.of("trigger-1")));
        Form form = opened.form().orElseThrow();
        assertThat(form.id()).isEqualTo(CharterForm.ID);
        assertThat(form.inputs()).extracting(Form.Input::id)
                .containsExactly("purpose", "scope", "cadence", "ask");
        assertThat(form.inputs().get(0).initialValue()).isEqualTo("Streams");
        assertThat(bot.admin("community charter kafka").ok()).as("the console has no forms: it asks for fields").isFalse();

        Reply saved = submit(admin, form, Map.of("purpose", "", "scope", "Brokers and clients", "cadence", "", "ask", ""));
        assertThat(saved.ok()).as(saved.text()).isTrue();
        assertThat(community(bot.admin("community info kafka"))).containsEntry("purpose", null)
                .containsEntry("scope", "Brokers and clients");

        Reply tooLong = submit(admin, form, Map.of("purpose", "x".repeat(501)));
        assertThat(tooLong.ok()).isFalse();
        assertThat(tooLong.data().get(Reply.FIELD_ERRORS)).isEqualTo(Map.of("purpose",
                "Keep it under 500 characters (it has 501)."));
        Reply stranger = submit(Actor.of(UserId.console("zed"), "zed"),
                form, Map.of("purpose", "mine now"));
        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.text()).contains("Only leaders of kafka");
        assertThat(community(bot.admin("community info kafka"))).containsEntry("scope", "Brokers and clients");
    }

    Reply submit(Actor who, Form form, Map<String, String> values) {
        return bot.bot().handle(new Inbound.FormSubmitted(who, form.id(), values, form.context()))
                .orElseThrow();
    }
}
