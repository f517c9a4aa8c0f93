package dev.copbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.BotSettings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.ChatPorts;
import dev.copbot.core.store.Database;
import dev.copbot.core.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord refuses the whole {@code /cop} registration when a level breaks its rules, so every command the core has
 * must fit: at most 25 subcommands and groups at the top and in each group, no name used twice on one level (a
 * subcommand and a group of the same name included), at most 25 options each.
 */
class SlashCommandLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void everyCoreCommandFitsDiscordsLimits() {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp))) {
            CopBot bot = new CopBot(db, BotSettings.defaults(), Clock.systemUTC(), new ChatPorts());
            SlashCommandData cop = SlashCommands.cop(new CommandCatalog(bot.router().specs()));
            List<String> top = new ArrayList<>(cop.getSubcommands().stream().map(SubcommandData::getName).toList());
            top.addAll(cop.getSubcommandGroups().stream().map(SubcommandGroupData::getName).toList());
            assertThat(top).hasSizeLessThanOrEqualTo(25).doesNotHaveDuplicates().contains("digest", "health", "kudos", "dashboard")
                    .as("a command only buttons run is no menu entry").doesNotContain("ask-experts");
            for (SubcommandGroupData g : cop.getSubcommandGroups()) {
                assertThat(g.getSubcommands()).hasSizeLessThanOrEqualTo(25);
                assertThat(g.getSubcommands().stream().map(SubcommandData::getName).toList()).doesNotHaveDuplicates();
            }
            List<SubcommandData> all = new ArrayList<>(cop.getSubcommands());
            cop.getSubcommandGroups().forEach(g -> all.addAll(g.getSubcommands()));
            for (SubcommandData s : all) {
                assertThat(s.getOptions()).as(s.getName()).hasSizeLessThanOrEqualTo(25);
                assertThat(s.getOptions().stream().map(o -> o.getName()).toList()).as(s.getName()).doesNotHaveDuplicates()
                        .allMatch(n -> n.matches("[a-z0-9_-]{1,32}"));
            }
        }
    }
}
