package dev.copbot.discord;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.store.Database;
import dev.copbot.core.testing.TestDatabases;
import dev.copbot.discord.fake.FakeDiscord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real core on SQLite, the real adapter, and a fake Discord; records every inbound event the core received. */
final class DiscordHarness implements AutoCloseable {
    final FakeDiscord discord;
    final Database db;
    final CopBot bot;
    final BlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
    final List<Inbound> allInbound = new CopyOnWriteArrayList<>();
    final Map<ChannelId, String> lastStored = new ConcurrentHashMap<>();
    DiscordAdapter adapter;

    DiscordHarness(Path dir, Consumer<CopBot> beforeStart) throws Exception {
        discord = new FakeDiscord();
        db = TestDatabases.sqlite(dir);
        bot = new CopBot(db, BotSettings.defaults(), Clock.systemUTC(), new ChatPorts());
        beforeStart.accept(bot);
    }

    DiscordHarness start() throws Exception {
        DiscordSettings settings = new DiscordSettings("fake-token", Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()), Optional.empty(), OptionalInt.empty());
        adapter = DiscordAdapter.start(bot, this::record, settings, c -> Optional.ofNullable(lastStored.get(c)));
        return this;
    }

    private Optional<Reply> record(Inbound event) {
        Optional<Reply> reply = bot.handle(event); // the core has finished with it before the test sees it
        allInbound.add(event);
        if (event instanceof Inbound.MessagePosted p) {
            lastStored.put(p.channel().id(), p.message().id().id());
        }
        inbound.add(event);
        return reply;
    }

    @SuppressWarnings("unchecked")
    <T extends Inbound> T awaitInbound(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Inbound e = inbound.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                return (T) e;
            }
        }
        throw new AssertionError("the core received no " + type.getSimpleName() + " within 10 s; got " + allInbound);
    }

    @Override
    public void close() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        discord.close();
        db.close();
    }
}
