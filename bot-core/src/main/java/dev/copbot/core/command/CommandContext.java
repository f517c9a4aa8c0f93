package dev.copbot.core.command;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.MessageId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of a command: who, where, the parsed arguments, and whether the caller is an admin of the bot. */
public record CommandContext(CommandSpec spec, Actor actor, ChannelId channel, Optional<MessageId> thread,
                             Optional<String> interaction, List<Token> args, Map<String, String> options,
                             boolean admin, Clock clock) {

    public CommandContext {
        args = List.copyOf(args);
        options = Map.copyOf(options);
    }

    public String arg(int index) {
        return args.get(index).value();
    }

    public Optional<String> optionalArg(int index) {
        return index < args.size() ? Optional.of(args.get(index).value()) : Optional.empty();
    }

    /** The arguments from {@code from} on, as typed. */
    public List<String> argsFrom(int from) {
        return args.subList(Math.min(from, args.size()), args.size()).stream().map(Token::value).toList();
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
