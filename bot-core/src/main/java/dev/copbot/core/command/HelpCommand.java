package dev.copbot.core.command;

import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code help} lists every command; {@code help <command>} explains one, or a group ({@code help community}). */
public final class HelpCommand {
    private final CommandRouter router;

    public HelpCommand(CommandRouter router) {
        this.router = router;
    }

    public void register() {
        router.register(command("help").param(new CommandSpec.Param("command", false, true))
                .summary("What the bot does; usage and examples of one command.")
                .example("/cop help").example("/cop help community create").handler(this::help));
    }

    private Reply help(CommandContext ctx) {
        if (ctx.args().isEmpty()) {
            return overview();
        }
        String asked = String.join(" ", ctx.argsFrom(0)).toLowerCase(Locale.ROOT).replaceFirst("^/cop\\s+", "");
        var exact = router.spec(asked);
        if (exact.isPresent()) {
            return one(exact.get());
        }
        List<CommandSpec> group = router.group(asked);
        if (!group.isEmpty()) {
            List<Block> blocks = new ArrayList<>();
            group.forEach(s -> blocks.add(section(s)));
            return Reply.ok("'" + asked + "' commands:").withBlocks(blocks)
                    .withData("commands", group.stream().map(CommandSpec::path).toList());
        }
        Set<String> names = new LinkedHashSet<>();
        router.specs().forEach(s -> {
            names.add(s.path());
            names.add(s.path().split(" ")[0]);
        });
        throw UserError.refused("There is no command '" + asked + "'." + Suggestions.didYouMean(asked, names)
                + " /cop help lists every command.");
    }

    private Reply overview() {
        List<Field> fields = new ArrayList<>();
        for (CommandSpec s : router.specs()) {
            fields.add(new Field(s.usage(), s.summary()));
        }
        return Reply.ok("CoP Bot gives communities of practice a home here: join communities, find who knows what, "
                        + "and keep answers findable. Commands:")
                .with(new Block.Section("", "", fields))
                .with(new Block.Context("/cop help <command> shows the details and examples of one command."))
                .withData("commands", router.specs().stream().map(CommandSpec::path).toList());
    }

    private Reply one(CommandSpec s) {
        return Reply.ok(s.usage()).with(section(s))
                .withData("help", Map.of("command", s.path(), "usage", s.usage(), "who", s.access().who(),
                        "examples", s.examples()));
    }

    private static Block section(CommandSpec s) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Usage", s.usage()));
        fields.add(new Field("Who", s.access().who()));
        if (!s.examples().isEmpty()) {
            fields.add(new Field("Examples", String.join("\n", s.examples())));
        }
        return new Block.Section(s.path(), s.summary(), fields);
    }
}
