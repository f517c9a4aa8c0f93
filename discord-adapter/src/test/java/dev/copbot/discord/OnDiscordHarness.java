package dev.copbot.discord;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that starts a {@link DiscordHarness} (real JDA, fake Discord) in {@code dir}; it is closed after each test. */
abstract class OnDiscordHarness {
    @TempDir
    Path dir;
    DiscordHarness h;

    @AfterEach
    void closeHarness() throws Exception {
        if (h != null) {
            h.close();
        }
    }
}
