package dev.copbot.discord.internal;

import dev.copbot.core.reply.Form;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.modals.Modal;

/**
 * A core form with more inputs than a Discord modal holds (five), asked in several modals: what was typed in the
 * earlier ones waits here until the last is submitted, so nothing is dropped. Discord cannot answer a modal with a
 * modal, so each further step opens from a "Continue" button. Kept in memory: after a restart the button answers
 * "no longer active", as any expired form does.
 */
final class FormSteps {
    /** The custom-id action of a step's modal and of the button that opens the next one. */
    static final String STEP = "cop.form-step";
    static final String NEXT = "cop.form-next";
    static final int PER_MODAL = Modal.MAX_COMPONENTS;

    record Pending(Form form, Map<String, String> values) {}

    /** A step's submission: the whole form's values when it was the last step, else the next step to open. */
    record Progress(Pending pending, int nextStep, boolean done) {}

    private final Map<String, Pending> pending = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > 1_000;
        }
    });

    static boolean fits(Form form) {
        return form.inputs().size() <= PER_MODAL;
    }

    static int steps(Form form) {
        return (form.inputs().size() + PER_MODAL - 1) / PER_MODAL;
    }

    static List<Form.Input> inputs(Form form, int step) {
        int from = step * PER_MODAL;
        return form.inputs().subList(from, Math.min(form.inputs().size(), from + PER_MODAL));
    }

    /** Starts asking {@code form}; returns the key its steps carry. */
    String start(Form form) {
        String key = UUID.randomUUID().toString().substring(0, 12);
        pending.put(key, new Pending(form, new HashMap<>()));
        return key;
    }

    Optional<Pending> find(String key) {
        return Optional.ofNullable(pending.get(key));
    }

    /** Records a step's values; empty when the form is no longer known. */
    Optional<Progress> submit(String key, int step, Map<String, String> values) {
        Pending p = pending.get(key);
        if (p == null) {
            return Optional.empty();
        }
        synchronized (p) {
            p.values().putAll(values);
        }
        boolean done = step + 1 >= steps(p.form());
        if (done) {
            pending.remove(key);
        }
        return Optional.of(new Progress(p, step + 1, done));
    }

    static String value(String key, int step) {
        return key + ":" + step;
    }

    /** (key, step) from a custom id's value, or empty when it is not one. */
    static Optional<Map.Entry<String, Integer>> parse(String value) {
        int at = value.lastIndexOf(':');
        try {
            return at < 0 ? Optional.empty() : Optional.of(Map.entry(value.substring(0, at),
                    Integer.parseInt(value.substring(at + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
