package dev.copbot.core.reply;

/** Renders a reply for places without rich formatting: the console, notification fallbacks, logs. */
public final class PlainText {
    private PlainText() {}

    public static String render(Reply reply) {
        StringBuilder out = new StringBuilder(reply.text());
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Section s -> {
                    line(out, s.title().isEmpty() ? "" : "== " + s.title() + " ==");
                    line(out, s.text());
                    for (Field f : s.fields()) {
                        line(out, "  " + f.label() + ": " + f.value());
                    }
                }
                case Block.Context c -> line(out, "(" + c.text() + ")");
                case Block.Actions a -> {
                    for (Button b : a.buttons()) {
                        line(out, "[" + b.label() + "]" + (b.command().isEmpty() ? "" : " → /cop " + b.command()));
                    }
                }
                case Block.Divider d -> line(out, "----");
                case Block.Image i -> line(out, "[chart " + i.fileName() + ": " + i.altText() + "]");
            }
        }
        reply.form().ifPresent(f -> line(out, "(opens the form \"" + f.title() + "\")"));
        return TimeText.plain(out.toString());
    }

    private static void line(StringBuilder out, String s) {
        if (s.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(s);
    }
}
