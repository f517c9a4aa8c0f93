package dev.copbot.core.reply;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment inside block text that each platform shows in the reader's own time zone: Slack as
 * {@code <!date^…>}, Discord as {@code <t:…:F>}. The core writes {@link #mark}; adapters call {@link #render} with
 * their format; {@link PlainText} (the console) keeps the fallback, already written in the reader's zone.
 * Only blocks carry marks; {@code Reply.text()} stays plain.
 */
public final class TimeText {
    private static final Pattern MARK = Pattern.compile("\\{time:(-?\\d{1,12})\\|([^{}]*)}");

    private TimeText() {}

    /** A moment, with how to write it where no platform formatting exists. */
    public static String mark(Instant at, String fallback) {
        return "{time:" + at.getEpochSecond() + "|" + fallback.replace("{", "(").replace("}", ")") + "}";
    }

    /** Replaces every mark with what {@code format} makes of (moment, fallback). */
    public static String render(String text, BiFunction<Instant, String, String> format) {
        Matcher m = MARK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    format.apply(Instant.ofEpochSecond(Long.parseLong(m.group(1))), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text with each mark replaced by its fallback. */
    public static String plain(String text) {
        return render(text, (at, fallback) -> fallback);
    }
}
