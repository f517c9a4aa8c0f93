package dev.copbot.core.community;

/** The charter fields a leader sets with {@code community charter}: option key, column, and label. */
public enum CharterField {
    PURPOSE("purpose", "purpose", "Purpose"),
    SCOPE("scope", "scope", "Scope"),
    CADENCE("cadence", "cadence", "Meets"),
    ASK("ask", "how_to_ask", "How to ask");

    public static final int MAX_LENGTH = 500;

    private final String option;
    private final String column;
    private final String label;

    CharterField(String option, String column, String label) {
        this.option = option;
        this.column = column;
        this.label = label;
    }

    public String option() {
        return option;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }
}
