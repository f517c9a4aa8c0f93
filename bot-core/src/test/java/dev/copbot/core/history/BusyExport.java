package dev.copbot.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SlackFixture}'s export with one busy channel more (threads over several days, reactions, edits), so two
 * imports of it run through many batches side by side rather than one.
 */
final class BusyExport {
    static final int DAYS = 4;
    static final int PER_DAY = 25;
    /** Every fifth message opens a thread; the others reply to the latest one. */
    static final int THREAD_EVERY = 5;

    private BusyExport() {}

    static Path write(Path dir) throws IOException {
        SlackFixture.write(dir);
        String channels = Files.readString(dir.resolve("channels.json")).strip();
        SlackFixture.file(dir, "channels.json", channels.substring(0, channels.length() - 1) + """
                , {"id": "C2", "name": "busy", "created": 1704000000, "members": ["U1", "U2", "U3"]}]""");
        long start = 1706745600; // 2024-02-01
        String root = null;
        for (int day = 0; day < DAYS; day++) {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < PER_DAY; i++) {
                int n = day * PER_DAY + i;
                String ts = "%d.%06d".formatted(start + day * 86_400L + i * 60L, n);
                String user = "U" + (1 + n % 3);
                StringBuilder e = new StringBuilder("{\"type\": \"message\", \"user\": \"" + user + "\", \"ts\": \"" + ts + "\"");
                if (n % THREAD_EVERY == 0) {
                    root = ts;
                    e.append(", \"text\": \"*Busy question ").append(n).append("*\\nwhy does the ").append(word(n))
                            .append(" stall\"");
                } else {
                    e.append(", \"text\": \"answer ").append(n).append(" about ").append(word(n / THREAD_EVERY))
                            .append("\", \"parent_user_id\": \"U1\"");
                }
                e.append(", \"thread_ts\": \"").append(root).append('"');
                if (n % 4 == 1) {
                    e.append(", \"reactions\": [{\"name\": \"+1\", \"users\": [\"U1\", \"U2\"], \"count\": 2}]");
                }
                if (n % 7 == 3) {
                    e.append(", \"edited\": {\"user\": \"").append(user).append("\", \"ts\": \"")
                            .append(start + DAYS * 86_400L + n).append(".000000\"}");
                }
                entries.add(e.append('}').toString());
            }
            SlackFixture.file(dir, "busy/2024-02-0%d.json".formatted(day + 1), "[\n" + String.join(",\n", entries) + "\n]");
        }
        return dir;
    }

    /** A word of letters only, different for each number (search splits digits off). */
    static String word(int n) {
        StringBuilder w = new StringBuilder("q");
        do {
            w.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return w.toString();
    }
}
