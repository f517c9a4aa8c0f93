package dev.copbot.core.command;

import dev.copbot.core.platform.Inbound.CommandInvoked;
import dev.copbot.core.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns command text into a call of the right handler, or into a helpful refusal: unknown or misspelled commands,
 * wrong argument counts, unknown options and missing permissions all come back as {@code ok:false} with the usage
 * and, where one is close, a suggestion. A handler that fails unexpectedly is logged with a reference; the user sees
 * the reference, never a stack trace.
 */
public final class CommandRouter {
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();
    private final Clock clock;
    private final RateLimiter limiter;

    /** With the default rate limits. */
    public CommandRouter(Clock clock) {
        this(clock, RateLimits.defaults());
    }

    public CommandRouter(Clock clock, RateLimits limits) {
        this.clock = clock;
        this.limiter = new RateLimiter(limits, clock);
    }

    public CommandRouter register(CommandSpec spec) {
        if (specs.putIfAbsent(spec.path(), spec) != null) {
            throw new IllegalStateException("two handlers for '" + spec.path() + "'");
        }
        return this;
    }

    public Collection<CommandSpec> specs() {
        return specs.values();
    }

    public Optional<CommandSpec> spec(String path) {
        return Optional.ofNullable(specs.get(path.toLowerCase(Locale.ROOT)));
    }

    /** The specs under a group word ({@code community} → create, info, …), in registration order. */
    public List<CommandSpec> group(String word) {
        return specs.values().stream().filter(s -> s.path().startsWith(word + " ")).toList();
    }

    public Reply dispatch(CommandInvoked invocation, boolean admin) {
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(Tokenizer.normalize(invocation.text()));
        } catch (UserError e) {
            return Reply.error(e.getMessage(), "/cop <command> [arguments], e.g. /cop help").withCommand("");
        }
        if (tokens.isEmpty()) {
            tokens = List.of(Token.positional("help", false));
        }
        Token first = tokens.get(0);
        if (first.isOption()) {
            return Reply.error("A command starts with its name, not with '" + first.display() + "'.",
                    "/cop <command> [arguments]; /cop help lists the commands").withCommand("");
        }
        String word = first.value().toLowerCase(Locale.ROOT);
        Optional<String> second = tokens.size() > 1 && !tokens.get(1).isOption()
                ? Optional.of(tokens.get(1).value().toLowerCase(Locale.ROOT)) : Optional.empty();

        CommandSpec spec = second.map(s -> specs.get(word + " " + s)).orElse(null);
        int consumed = 2;
        if (spec == null) {
            spec = specs.get(word);
            consumed = 1;
        }
        if (spec == null) {
            return unknown(word, second).withCommand(word);
        }
        return run(spec, invocation, tokens.subList(consumed, tokens.size()), admin).withCommand(spec.path());
    }

    private Reply unknown(String word, Optional<String> second) {
        List<CommandSpec> group = group(word);
        if (!group.isEmpty()) {
            List<String> subs = group.stream().map(s -> s.path().substring(word.length() + 1)).toList();
            List<String> paths = group.stream().map(CommandSpec::path).toList();
            String what = second.map(s -> "'" + word + " " + s + "' is not a command."
                            + Suggestions.didYouMean(word + " " + s, paths))
                    .orElse("'" + word + "' needs one of: " + String.join(", ", subs) + ".");
            return Reply.error(what + " Type /cop help " + word + " for details.",
                    String.join("\n       ", group.stream().map(CommandSpec::usage).toList()));
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String path : specs.keySet()) {
            candidates.add(path.split(" ")[0]);
        }
        return Reply.error("Unknown command '" + word + "'." + Suggestions.didYouMean(word, candidates)
                + " Type /cop help to see every command.", "/cop help [command]");
    }

    private Reply run(CommandSpec spec, CommandInvoked invocation, List<Token> rest, boolean admin) {
        List<Token> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (Token t : rest) {
            if (!t.isOption()) {
                positional.add(t);
                continue;
            }
            if (!spec.optionKeys().contains(t.key())) {
                String known = spec.options().isEmpty() ? " '" + spec.path() + "' takes no options."
                        : " Options of '" + spec.path() + "': " + String.join(", ",
                                spec.optionKeys().stream().map(k -> k + ":").toList()) + ".";
                return Reply.error("Unknown option '" + t.key() + ":'."
                        + Suggestions.didYouMean(t.key() + ":", spec.optionKeys().stream().map(k -> k + ":").toList())
                        + known, spec.usage());
            }
            if (t.value().isBlank()) {
                return Reply.error("'" + t.key() + ":' needs a value, e.g. " + t.key() + ":\"…\" (quote values with spaces).",
                        spec.usage());
            }
            if (options.put(t.key(), t.value()) != null) {
                return Reply.error("'" + t.key() + ":' is given twice; give it once.", spec.usage());
            }
        }
        if (positional.size() < spec.minArgs()) {
            CommandSpec.Param missing = spec.params().get(positional.size());
            return Reply.error("Missing <" + missing.name() + "> for '" + spec.path() + "'.", spec.usage());
        }
        if (spec.maxArgs() >= 0 && positional.size() > spec.maxArgs()) {
            List<String> extra = positional.subList(spec.maxArgs(), positional.size()).stream().map(Token::display).toList();
            return Reply.error("Too many arguments for '" + spec.path() + "': " + String.join(" ", extra)
                    + " was not expected. Put quotes around a value with spaces.", spec.usage());
        }
        if (spec.access() == Access.ADMIN && !admin) {
            return Reply.error("Only admins can run '" + spec.path() + "'. Admins are listed in the bot's config, "
                    + "or are administrators of this workspace or server.");
        }
        // Last of the checks, so a mistyped command costs nothing from the person's budget.
        Optional<Duration> wait = limiter.take(invocation.actor().id(), spec.cost());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Reply.error("You are going fast: try again in " + seconds + " s. (Up to "
                            + limiter.limits().perMinute(spec.cost()) + " " + spec.cost().plural() + " a minute each.)")
                    .withData("retry_after_seconds", seconds);
        }
        CommandContext context = new CommandContext(spec, invocation.actor(), invocation.channel(), invocation.thread(),
                invocation.interaction(), positional, options, admin, clock);
        try {
            return spec.handler().handle(context);
        } catch (UserError e) {
            return Reply.error(e.getMessage(), e.showUsage() ? spec.usage() : null);
        } catch (Unavailable e) {
            log.warn("command '{}' by {}: {} ({})", spec.path(), invocation.actor().id(), e.getMessage(),
                    e.getCause() == null ? "" : e.getCause().toString());
            return Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("command '{}' by {} failed (reference {})", spec.path(), invocation.actor().id(), reference, e);
            return Reply.ourFault("while running '" + spec.path() + "'", reference,
                    "Nothing was changed; try again, or give the reference to an admin.");
        }
    }
}
