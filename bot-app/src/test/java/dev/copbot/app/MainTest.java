package dev.copbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bot-app alone is the product: eval and bench come only from bot-tools, which is not on this module's class path. */
class MainTest {
    @Test
    void withoutToolsTheCommandLineHasOnlyTheProductsCommands() {
        assertThat(Main.commandLine().getSubcommands().keySet())
                .containsExactly("run", "console", "import", "reindex", "backup", "restore", "help");
    }
}
