package dev.copbot.core.reply;

/** A label and its value, e.g. "Members" / "12". */
public record Field(String label, String value) {
    public Field {
        label = label == null ? "" : label;
        value = value == null || value.isBlank() ? "—" : value;
    }
}
