package dev.copbot.core.command;

import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command as data: its words ({@code "community create"}), its positional parameters and {@code key:} options,
 * who may run it, help texts, how expensive it is ({@link Cost}, for the per-person rate limits), and the handler. The
 * usage line is derived from the parameters so it never drifts.
 */
public record CommandSpec(String path, List<Param> params, List<Option> options, Access access, String summary,
                          List<String> examples, Cost cost, Handler handler, boolean buttonOnly) {

    /** A positional parameter: {@code <name>}, {@code [name]} when optional, {@code <name>…} when repeated. */
    public record Param(String name, boolean required, boolean repeated) {
        public static Param required(String name) {
            return new Param(name, true, false);
        }

        public static Param optional(String name) {
            return new Param(name, false, false);
        }

        public static Param repeated(String name) {
            return new Param(name, true, true);
        }

        String usage() {
            String inner = repeated ? "<" + name + ">…" : "<" + name + ">";
            return required ? inner : "[" + name + "]";
        }
    }

    /** A {@code key:value} option; {@code example} shows the shape of its value. */
    public record Option(String key, String example) {
        String usage() {
            return "[" + key + ":" + example + "]";
        }
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(CommandContext context);
    }

    public CommandSpec {
        Objects.requireNonNull(path, "path");
        params = List.copyOf(params);
        options = List.copyOf(options);
        examples = List.copyOf(examples);
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(handler, "handler");
    }

    public String usage() {
        StringBuilder u = new StringBuilder("/cop ").append(path);
        params.forEach(p -> u.append(' ').append(p.usage()));
        options.forEach(o -> u.append(' ').append(o.usage()));
        return u.toString();
    }

    public int minArgs() {
        return (int) params.stream().filter(Param::required).count();
    }

    /** -1 when the last parameter repeats. */
    public int maxArgs() {
        return params.stream().anyMatch(Param::repeated) ? -1 : params.size();
    }

    public List<String> optionKeys() {
        return options.stream().map(Option::key).toList();
    }

    public static Builder command(String path) {
        return new Builder(path);
    }

    /** Reads like the command table: {@code command("join").param(required("name")).summary("…").handler(…)}. */
    public static final class Builder {
        private final String path;
        private final List<Param> params = new ArrayList<>();
        private final List<Option> options = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();
        private Access access = Access.ANYONE;
        private String summary = "";
        private Cost cost = Cost.CHEAP;
        private boolean buttonOnly;

        private Builder(String path) {
            this.path = path;
        }

        public Builder param(Param param) {
            params.add(param);
            return this;
        }

        public Builder option(String key, String example) {
            options.add(new Option(key, example));
            return this;
        }

        public Builder access(Access who) {
            this.access = who;
            return this;
        }

        /** An expensive command: each run takes one from the person's budget for {@code cost} (see {@link RateLimits}). */
        public Builder cost(Cost cost) {
            this.cost = cost;
            return this;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder example(String commandLine) {
            examples.add(commandLine);
            return this;
        }

        /**
         * A command that a button carries (its arguments come from the bot's own reply), not one people type: it runs
         * from text like any other, but menus of commands people type (Discord's, 25 a level) leave it out.
         */
        public Builder buttonOnly() {
            this.buttonOnly = true;
            return this;
        }

        public CommandSpec handler(Handler handler) {
            return new CommandSpec(path, params, options, access, summary, examples, cost, handler, buttonOnly);
        }
    }
}
