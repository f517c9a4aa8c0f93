package dev.copbot.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * A form (a Slack or Discord modal). Its submission comes back as a {@code FormSubmitted} with {@code id} and
 * {@code context} (e.g. which event is being edited), and each input's value under its {@code id}.
 */
public record Form(String id, String title, String submitLabel, List<Input> inputs, String context) {

    public record Input(String id, String label, String placeholder, String initialValue, boolean multiline,
                        boolean required, int maxLength) {
        public Input {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            placeholder = placeholder == null ? "" : placeholder;
            initialValue = initialValue == null ? "" : initialValue;
        }
    }

    public Form {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        submitLabel = submitLabel == null ? "Submit" : submitLabel;
        inputs = List.copyOf(inputs);
        context = context == null ? "" : context;
    }
}
