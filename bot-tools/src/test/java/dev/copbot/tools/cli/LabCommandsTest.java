package dev.copbot.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.app.Main;
import org.junit.jupiter.api.Test;

/** bot-tools on the class path: Main finds eval and bench through ToolCommands, in the order copbot --help always had. */
class LabCommandsTest {
    @Test
    void evalAndBenchComeAfterTheProductsCommandsAndBeforeHelp() {
        var commands = Main.commandLine().getSubcommands();
        assertThat(commands.keySet()).containsExactly("run", "console", "import", "reindex", "backup", "restore", "eval", "bench",
                "fuzz-http", "load-http", "help");
        assertThat(commands.get("eval").getSubcommands().keySet()).containsExactly("search", "score", "experts");
        assertThat(commands.get("bench").getSubcommands().keySet()).containsExactly("search", "slack-export", "replicas",
                "experts", "search-during-import", "backends");
    }
}
