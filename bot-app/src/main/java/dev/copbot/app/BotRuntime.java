package dev.copbot.app;

import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * The wired bot: store opened and migrated, core built, ports registered, event reminders polling the store.
 * Close it to stop the reminders and release the store.
 */
public final class BotRuntime implements AutoCloseable {
    private final Database database;
    private final CopBot bot;
    private final Scheduler reminders;

    private BotRuntime(Database database, CopBot bot) {
        this.database = database;
        this.bot = bot;
        this.reminders = bot.events().reminders().start(Duration.ofSeconds(5));
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
        reminders.stop();
        database.close();
    }
}
