package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.platform.Visibility;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a platform connected, private channels are asked of it, briefly cached; a failing platform means no. */
class AccessControlTest {
    @TempDir
    Path tmp;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The platform side of the question: who is in which channel right now, and every question asked. */
    static final class MembershipPort implements ChatPort {
        final Set<String> members = new HashSet<>();
        final List<String> asked = new ArrayList<>();
        boolean failing;

        @Override public Platform platform() { return Platform.SLACK; }
        @Override public MessageId post(ChannelId c, Optional<MessageId> t, Reply r) { throw new UnsupportedOperationException(); }
        @Override public void update(MessageId m, Reply r) { throw new UnsupportedOperationException(); }
        @Override public void postEphemeral(ChannelId c, UserId u, Reply r) { throw new UnsupportedOperationException(); }
        @Override public MessageId sendDirect(UserId u, Reply r) { throw new UnsupportedOperationException(); }
        @Override public void openForm(String i, Form f) { throw new UnsupportedOperationException(); }
        @Override public Optional<String> permalink(MessageId m) { return Optional.empty(); }
        @Override public Optional<Actor> describe(UserId u) { return Optional.empty(); }

        @Override
        public boolean mayRead(UserId user, ChannelId channel) {
            asked.add(user.id() + "@" + channel.id());
            if (failing) {
                throw new IllegalStateException("slack is down");
            }
            return members.contains(user.id() + "@" + channel.id());
        }
    }

    @Test
    void asksThePlatformCachesTheAnswerAndFailsClosed() {
        MovableClock clock = new MovableClock();
        MembershipPort port = new MembershipPort();
        try (Database db = TestDatabases.sqlite(tmp)) {
            MessageStore store = new MessageStore(db);
            Channel secret = new Channel(ChannelId.parse("slack:T1:G1"), "leads", Visibility.PRIVATE);
            Channel open = new Channel(ChannelId.parse("slack:T1:C1"), "general", Visibility.PUBLIC);
            store.channels().upsert(secret, clock.instant());
            store.channels().upsert(open, clock.instant());
            AccessControl access = new AccessControl(store, new ChatPorts().register(port), clock, Duration.ofSeconds(60));
            UserId ann = UserId.parse("slack:T1:UANN");
            port.members.add("UANN@G1");

            assertThat(access.mayRead(ann, open.id())).isTrue();
            assertThat(access.mayRead(UserId.parse("slack:T2:UANN"), open.id())).isFalse();
            assertThat(port.asked).isEmpty(); // public channels and other workspaces need no question

            assertThat(access.mayRead(ann, secret.id())).isTrue();
            port.members.clear();
            clock.now = clock.now.plusSeconds(30);
            assertThat(access.mayRead(ann, secret.id())).isTrue(); // still cached
            clock.now = clock.now.plusSeconds(31);
            assertThat(access.mayRead(ann, secret.id())).isFalse(); // expired: asked again
            assertThat(port.asked).containsExactly("UANN@G1", "UANN@G1");

            access.forget(ann, secret.id());
            port.failing = true;
            assertThat(access.mayRead(ann, secret.id())).isFalse();
            assertThat(port.asked).hasSize(3);
        }
    }
}
