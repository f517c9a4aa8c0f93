package dev.copbot.core.reply;

import java.util.Objects;

/**
 * A button. When clicked, the adapter sends {@code action} and {@code value} back to the core as a
 * {@code ButtonClicked}; {@code command} is the text-command equivalent for platforms without buttons (the console).
 */
public record Button(String action, String label, String value, Style style, String command) {
    public enum Style { DEFAULT, PRIMARY, DANGER }

    public Button {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        style = style == null ? Style.DEFAULT : style;
        command = command == null ? "" : command;
    }
}
