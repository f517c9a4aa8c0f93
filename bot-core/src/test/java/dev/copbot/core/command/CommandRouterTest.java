package dev.copbot.core.command;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.testing.BotDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandRouterTest {
    final List<CommandContext> calls = new ArrayList<>();
    CommandRouter router;

    @BeforeEach
    void setUp() {
        router = new CommandRouter(BotDriver.CLOCK);
        router.register(command("community create").param(required("name")).option("purpose", "\"…\"")
                .option("channel", "#c").access(Access.ADMIN).handler(this::record));
        router.register(command("community info").param(required("name")).handler(this::record));
        router.register(command("communities").handler(this::record));
        router.register(command("search").param(CommandSpec.Param.repeated("words")).option("in", "#c").handler(this::record));
        router.register(command("skills list").param(optional("user")).handler(this::record));
        router.register(command("boom").handler(c -> {
            throw new IllegalStateException("secret internals at line 42");
        }));
        router.register(command("refuse").handler(c -> {
            throw UserError.refused("not today");
        }));
    }

    Reply record(CommandContext c) {
        calls.add(c);
        return Reply.ok("done");
    }

    Reply run(String text, boolean admin) {
        return router.dispatch(CommandInvoked.of(Actor.of(UserId.console("alice"), "alice"),
                ChannelId.parse("console:console"), text), admin);
    }

    @Test
    void routesTwoWordCommandsWithOptionsInAnyOrder() {
        Reply r = run("/cop community create purpose:\"A b\" ds channel:#ds", true);
        assertThat(r.ok()).isTrue();
        assertThat(r.command()).isEqualTo("community create");
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.args()).extracting(Token::value).containsExactly("ds");
            assertThat(c.options()).containsEntry("purpose", "A b").containsEntry("channel", "#ds");
        });
    }

    @Test
    void misspelledCommandsGetASuggestion() {
        Reply r = run("comunities", false);
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).contains("Unknown command 'comunities'", "Did you mean 'communities'?", "/cop help");
        assertThat(run("serch kafka", false).text()).contains("Did you mean 'search'?");
        assertThat(run("community creat ds", true).text()).contains("Did you mean 'community create'?");
        assertThat(run("community", true).text()).contains("'community' needs one of: create, info");
        assertThat(run("xyzzy", false).text()).doesNotContain("Did you mean");
        assertThat(calls).isEmpty();
    }

    @Test
    void wrongArgumentsExplainTheUsage() {
        Reply missing = run("community info", false);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.text()).contains("Missing <name>", "Usage: /cop community info <name>");
        assertThat(missing.data()).containsEntry("usage", "/cop community info <name>");

        Reply extra = run("community info data science", false);
        assertThat(extra.text()).contains("Too many arguments", "science was not expected", "quotes");

        Reply option = run("community create ds purpos:x", true);
        assertThat(option.text()).contains("Unknown option 'purpos:'", "Did you mean 'purpose:'?");
        assertThat(run("community create ds purpose:a purpose:b", true).text()).contains("given twice");
        assertThat(run("community create ds purpose:", true).text()).contains("needs a value");
        assertThat(run("communities in:#x", false).text()).contains("takes no options");
        assertThat(run("search", false).text()).contains("Missing <words>");
        assertThat(run("search a b c in:#x", false).ok()).isTrue();
        assertThat(calls).hasSize(1);
    }

    @Test
    void adminOnlyCommandsAreRefusedToOthers() {
        Reply r = run("community create ds", false);
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).contains("Only admins");
        assertThat(calls).isEmpty();
    }

    @Test
    void failuresNeverLeakInternals() {
        Reply r = run("boom", false);
        assertThat(r.ok()).isFalse();
        assertThat(r.text()).contains("Something went wrong", "reference").doesNotContain("secret", "Exception", "line 42");
        Reply refused = run("refuse", false);
        assertThat(refused.text()).isEqualTo("not today");
    }

    @Test
    void emptyInputShowsHelpAndOptionFirstIsExplained() {
        router.register(command("help").handler(this::record));
        assertThat(run("", false).command()).isEqualTo("help");
        assertThat(run("in:#x", false).text()).contains("starts with its name");
    }
}
