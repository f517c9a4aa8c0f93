package dev.copbot.core.reply;

import java.util.Objects;

/**
 * A button. When clicked, the adapter sends {@code action} and {@code value} back to the core as a
 * {@code ButtonClicked}; {@code command} is the text-command equivalent for platforms without buttons (the console).
 */
public record Button(String action, String label, String value, Style style, String command) {
    /** The action of a button whose value is a {@code /cop} command, run as the person who clicks it. */
    public static final String RUN_COMMAND = "cop.run";

    public enum Style { DEFAULT, PRIMARY, DANGER }

    /** A button that runs {@code command} (text after {@code /cop}) as whoever clicks it: the command is the data. */
    public static Button runs(String label, String command, Style style) {
        return new Button(RUN_COMMAND, label, command, style, command);
    }

    public Button {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        style = style == null ? Style.DEFAULT : style;
        command = command == null ? "" : command;
    }
}
