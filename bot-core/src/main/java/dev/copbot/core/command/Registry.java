package dev.copbot.core.command;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the features hand the core: commands, forms, listeners of what the platform reports, and scheduled jobs.
 * Features fill it once at start (see {@link Feature}); the dispatcher only reads it. Duplicate commands or forms are a
 * wiring bug and fail at start, not at the first click.
 */
public final class Registry {
    /** Answers the submission of one kind of form; may throw {@link UserError} for bad input. */
    @FunctionalInterface
    public interface FormHandler {
        Reply submit(Inbound.FormSubmitted form, boolean admin);
    }

    private record Listener<E extends Inbound>(Class<E> type, Consumer<? super E> handler) {
        void offer(Inbound event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final CommandRouter commands;
    private final Map<String, FormHandler> forms = new LinkedHashMap<>();
    private final List<Listener<?>> listeners = new ArrayList<>();
    private final List<Task<?>> jobs = new ArrayList<>();

    public Registry(CommandRouter commands) {
        this.commands = commands;
    }

    /** Adds a {@code /cop} command; the order of registration is the order of {@code /cop help}. */
    public Registry command(CommandSpec spec) {
        commands.register(spec);
        return this;
    }

    /** Routes submissions of the form {@code formId} (opened by a command's reply) to {@code handler}. */
    public Registry form(String formId, FormHandler handler) {
        if (forms.putIfAbsent(formId, handler) != null) {
            throw new IllegalStateException("two handlers for the form '" + formId + "'");
        }
        return this;
    }

    /** Calls {@code handler} for every reported event of {@code type}, in the order listeners were added. */
    public <E extends Inbound> Registry on(Class<E> type, Consumer<? super E> handler) {
        listeners.add(new Listener<>(type, handler));
        return this;
    }

    /** A db-scheduler task the process's scheduler must know; a recurring one is started with the scheduler. */
    public Registry job(Task<?> task) {
        jobs.add(task);
        return this;
    }

    public CommandRouter commands() {
        return commands;
    }

    public Optional<FormHandler> form(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    /** Hands {@code event} to every listener of its type. */
    public void publish(Inbound event) {
        listeners.forEach(l -> l.offer(event));
    }

    public List<Task<?>> jobs() {
        return List.copyOf(jobs);
    }
}
