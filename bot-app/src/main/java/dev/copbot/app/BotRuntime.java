package dev.copbot.app;

import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import java.time.Clock;

/** The wired bot: store opened and migrated, core built, ports registered. Close it to release the store. */
public final class BotRuntime implements AutoCloseable {
    private final Database database;
    private final CopBot bot;

    private BotRuntime(Database database, CopBot bot) {
        this.database = database;
        this.bot = bot;
    }

    public static BotRuntime start(Settings settings, Clock clock, ChatPort... ports) {
        Database db = Database.open(settings.database());
        ChatPorts registry = new ChatPorts();
        for (ChatPort p : ports) {
            registry.register(p);
        }
        return new BotRuntime(db, new CopBot(db, settings.bot(), clock, registry));
    }

    public CopBot bot() {
        return bot;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
