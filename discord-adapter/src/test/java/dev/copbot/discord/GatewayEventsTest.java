package dev.copbot.discord;

import static dev.copbot.discord.fake.FakeDiscord.ALICE;
import static dev.copbot.discord.fake.FakeDiscord.APP;
import static dev.copbot.discord.fake.FakeDiscord.BOB;
import static dev.copbot.discord.fake.FakeDiscord.FORUM;
import static dev.copbot.discord.fake.FakeDiscord.GENERAL;
import static dev.copbot.discord.fake.FakeDiscord.GUILD;
import static dev.copbot.discord.fake.FakeDiscord.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.Visibility;
import dev.copbot.discord.fake.Payloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateway dispatches reaching the core as platform-neutral events, and a backfill after a recreated session. */
class GatewayEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    DiscordHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(dir, bot -> { }).start();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void messagesEditsDeletesAndReactionsReachTheCore() throws Exception {
        String question = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(question, GENERAL, ALICE, "alice",
                "How do we rotate the TLS cert?", false));
        Inbound.MessagePosted posted = h.awaitInbound(Inbound.MessagePosted.class);
        assertThat(posted.message().id().toString()).isEqualTo("discord:" + GUILD + ":" + GENERAL + "/" + question);
        assertThat(posted.message().author().toString()).isEqualTo("discord:" + GUILD + ":" + ALICE);
        assertThat(posted.message().text()).isEqualTo("How do we rotate the TLS cert?");
        assertThat(posted.message().threadParent()).isEmpty();
        assertThat(posted.channel().name()).isEqualTo("general");
        assertThat(posted.channel().visibility()).isEqualTo(Visibility.PUBLIC);

        String answer = Payloads.snowflakeNow();
        ObjectNode reply = Payloads.message(answer, GENERAL, BOB, "bob", "Use cert-manager.", false).put("type", 19);
        reply.putObject("message_reference").put("message_id", question).put("channel_id", GENERAL).put("guild_id", GUILD)
                .put("type", 0);
        h.discord.gateway().dispatch("MESSAGE_CREATE", reply);
        Inbound.MessagePosted replied = h.awaitInbound(Inbound.MessagePosted.class);
        assertThat(replied.message().threadParent().orElseThrow().id()).as("a reply joins its target's thread")
                .isEqualTo(question);

        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(Payloads.snowflakeNow(), SECRET, ALICE, "alice",
                "leadership only", false));
        assertThat(h.awaitInbound(Inbound.MessagePosted.class).channel().visibility())
                .as("@everyone cannot view #secret").isEqualTo(Visibility.PRIVATE);

        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(Payloads.snowflakeNow(), GENERAL, APP, "copbot",
                "a bot's own message", true));

        ObjectNode edit = Payloads.message(question, GENERAL, ALICE, "alice", "How do we rotate the TLS certificate?", false)
                .put("edited_timestamp", "2026-11-23T10:05:00.000000+00:00");
        h.discord.gateway().dispatch("MESSAGE_UPDATE", edit);
        Inbound.MessageEdited edited = h.awaitInbound(Inbound.MessageEdited.class);
        assertThat(edited.message().id()).isEqualTo(question);
        assertThat(edited.newText()).isEqualTo("How do we rotate the TLS certificate?");
        assertThat(edited.editedAt()).hasToString("2026-11-23T10:05:00Z");

        ObjectNode reaction = JSON.createObjectNode().put("user_id", ALICE).put("channel_id", GENERAL)
                .put("message_id", answer).put("guild_id", GUILD).put("burst", false).put("type", 0)
                .put("message_author_id", BOB);
        reaction.putObject("emoji").putNull("id").put("name", "\u2705");
        ObjectNode member = Payloads.member(ALICE, "alice");
        reaction.set("member", member);
        h.discord.gateway().dispatch("MESSAGE_REACTION_ADD", reaction);
        Inbound.ReactionAdded added = h.awaitInbound(Inbound.ReactionAdded.class);
        assertThat(added.reaction().emoji()).isEqualTo("white_check_mark");
        assertThat(added.reaction().message().id()).isEqualTo(answer);

        h.discord.gateway().dispatch("MESSAGE_DELETE", JSON.createObjectNode().put("id", answer)
                .put("channel_id", GENERAL).put("guild_id", GUILD));
        assertThat(h.awaitInbound(Inbound.MessageDeleted.class).message().id()).isEqualTo(answer);

        ObjectNode bulk = JSON.createObjectNode().put("channel_id", GENERAL).put("guild_id", GUILD);
        bulk.putArray("ids").add("900000000000000001").add("900000000000000002");
        h.discord.gateway().dispatch("MESSAGE_DELETE_BULK", bulk);
        assertThat(List.of(h.awaitInbound(Inbound.MessageDeleted.class).message().id(),
                h.awaitInbound(Inbound.MessageDeleted.class).message().id()))
                .containsExactlyInAnyOrder("900000000000000001", "900000000000000002");

        assertThat(h.allInbound).as("the bot's own message was not handed to the core").hasSize(8);
    }

    @Test
    void aMemberWhoLeavesTheGuildLeavesTheWorkspace() throws Exception {
        h.discord.gateway().dispatch("GUILD_MEMBER_REMOVE", JSON.createObjectNode().put("guild_id", GUILD)
                .set("user", JSON.createObjectNode().put("id", BOB).put("username", "bob").put("discriminator", "0")));
        Inbound.MemberLeftWorkspace left = h.awaitInbound(Inbound.MemberLeftWorkspace.class);
        assertThat(left.user().toString()).isEqualTo("discord:" + GUILD + ":" + BOB);
    }

    @Test
    void aForumPostIsOneThreadAndDeletingItRemovesTheChannel() throws Exception {
        String post = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("THREAD_CREATE", Payloads.thread(post, FORUM, "Kafka consumer lag?", ALICE)
                .put("newly_created", true));
        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(post, post, ALICE, "alice",
                "Our consumers fall behind at night.", false));
        Inbound.MessagePosted starter = h.awaitInbound(Inbound.MessagePosted.class);
        assertThat(starter.channel().name()).isEqualTo("Kafka consumer lag?");
        assertThat(starter.message().threadParent()).as("the starter is the thread's root").isEmpty();

        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(Payloads.snowflakeNow(), post, BOB, "bob",
                "Check max.poll.records.", false));
        Inbound.MessagePosted answer = h.awaitInbound(Inbound.MessagePosted.class);
        assertThat(answer.message().threadRoot()).isEqualTo(starter.message().id());
        assertThat(answer.channel().visibility()).isEqualTo(Visibility.PUBLIC);

        h.discord.gateway().dispatch("THREAD_DELETE", JSON.createObjectNode().put("id", post).put("guild_id", GUILD)
                .put("parent_id", FORUM).put("type", 11));
        assertThat(h.awaitInbound(Inbound.ChannelRemoved.class).channel().id()).isEqualTo(post);

        h.discord.gateway().dispatch("GUILD_DELETE", JSON.createObjectNode().put("id", GUILD));
        Inbound.WorkspaceRemoved removed = h.awaitInbound(Inbound.WorkspaceRemoved.class);
        assertThat(removed.scope()).isEqualTo(GUILD);
    }

    @Test
    void aRecreatedSessionBackfillsWhatWasMissedInIndexedChannels() throws Exception {
        String seen = Payloads.snowflakeNow();
        h.discord.gateway().dispatch("MESSAGE_CREATE", Payloads.message(seen, GENERAL, ALICE, "alice", "before", false));
        h.awaitInbound(Inbound.MessagePosted.class);

        String missed1 = Payloads.snowflakeNow();
        String missed2 = Payloads.snowflakeNow();
        ArrayNode newestFirst = JSON.createArrayNode()
                .add(Payloads.message(missed2, GENERAL, BOB, "bob", "second while away", false))
                .add(Payloads.message(missed1, GENERAL, ALICE, "alice", "first while away", false));
        h.discord.history(GENERAL, newestFirst);

        h.discord.gateway().invalidateSession();
        h.discord.gateway().awaitOp(2); // the first IDENTIFY
        h.discord.gateway().awaitOp(2); // a fresh IDENTIFY, not a RESUME
        var history = h.discord.await("GET", "channels/" + GENERAL + "/messages");
        assertThat(history.query()).contains("after=" + seen).contains("limit=100");
        assertThat(h.awaitInbound(Inbound.MessagePosted.class).message().text()).isEqualTo("first while away");
        assertThat(h.awaitInbound(Inbound.MessagePosted.class).message().text()).isEqualTo("second while away");
        assertThat(h.discord.gateway().sessions()).isEqualTo(2);
        assertThat(h.discord.calls().stream().filter(c -> c.path().endsWith("/messages") && c.method().equals("GET")))
                .as("only the indexed channel is fetched, in one page").hasSize(1);
    }
}
