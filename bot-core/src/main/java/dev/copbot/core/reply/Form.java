package dev.copbot.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * A form (a Slack or Discord modal). Its submission comes back as a {@code FormSubmitted} with {@code id} and
 * {@code context} (e.g. which event is being edited), and each input's value under its {@code id}.
 */
public record Form(String id, String title, String submitLabel, List<Input> inputs, String context) {

    /**
     * One input. {@code kind} lets a platform offer a picker (Slack: date and time pickers, a menu of {@code choices});
     * where it has none the input stays text, so the core still parses every value as typed.
     */
    public record Input(String id, String label, String placeholder, String initialValue, boolean multiline,
                        boolean required, int maxLength, Kind kind, List<String> choices) {
        public enum Kind { TEXT, DATE, TIME, CHOICE }

        public Input {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            placeholder = placeholder == null ? "" : placeholder;
            initialValue = initialValue == null ? "" : initialValue;
            kind = kind == null ? Kind.TEXT : kind;
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public Input(String id, String label, String placeholder, String initialValue, boolean multiline,
                     boolean required, int maxLength) {
            this(id, label, placeholder, initialValue, multiline, required, maxLength, Kind.TEXT, List.of());
        }

        /** The same input offered as a date picker (values YYYY-MM-DD) or a time picker (HH:MM). */
        public Input as(Kind picker) {
            return new Input(id, label, placeholder, initialValue, multiline, required, maxLength, picker, choices);
        }

        /** The same input offered as a menu of these values (text where a platform has no menu). */
        public Input choosing(List<String> values) {
            return new Input(id, label, placeholder, initialValue, multiline, required, maxLength, Kind.CHOICE, values);
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
