package dev.copbot.core.reply;

import java.util.List;
import java.util.Objects;

/**
 * The pieces of a rich reply. Adapters render them natively (Block Kit sections/fields/context/actions on Slack,
 * embeds and action rows on Discord); the console prints them as plain text.
 */
public sealed interface Block {

    /** A heading (may be empty) with body text and optional label/value fields shown side by side. */
    record Section(String title, String text, List<Field> fields) implements Block {
        public Section {
            title = title == null ? "" : title;
            text = text == null ? "" : text;
            fields = List.copyOf(fields);
        }

        public static Section of(String title, String text) {
            return new Section(title, text, List.of());
        }
    }

    /** Small print under a section: definitions, hints, "showing 5 of 12". */
    record Context(String text) implements Block {
        public Context {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A row of buttons. */
    record Actions(List<Button> buttons) implements Block {
        public Actions {
            if (buttons.isEmpty()) {
                throw new IllegalArgumentException("an actions block needs at least one button");
            }
            buttons = List.copyOf(buttons);
        }
    }

    record Divider() implements Block {}
}
