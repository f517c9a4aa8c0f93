package dev.copbot.core.reply;

import java.util.Arrays;
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

    /**
     * A picture made by the core (a PNG chart). Adapters attach it (a Slack file, a Discord attachment); where no
     * picture can be shown the alt text stands in, so it must say what the picture shows.
     */
    record Image(String title, String altText, String fileName, byte[] png) implements Block {
        public Image {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(altText, "altText");
            Objects.requireNonNull(fileName, "fileName");
            png = png.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && title.equals(i.title) && altText.equals(i.altText)
                    && fileName.equals(i.fileName) && Arrays.equals(png, i.png);
        }

        @Override
        public int hashCode() {
            return Objects.hash(title, altText, fileName, Arrays.hashCode(png));
        }

        @Override
        public String toString() {
            return "Image[" + fileName + ", " + png.length + " bytes: " + altText + "]";
        }
    }
}
