package dev.copbot.slack.testing;

import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a fresh {@link SlackHarness} (real Bolt, fake Web API) around each test, and its Slack port. */
public abstract class OnSlackHarness {
    @TempDir
    protected Path tmp;
    protected SlackHarness h;
    protected ChatPort port;

    @BeforeEach
    void startHarness() throws Exception {
        h = new SlackHarness(tmp, Clock.systemUTC());
        port = h.bot.ports().require(Platform.SLACK);
    }

    @AfterEach
    void closeHarness() throws Exception {
        h.close();
    }
}
