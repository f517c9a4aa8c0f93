package dev.copbot.core.history;

import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.Message;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One platform's export format, read into the core's values. The importer plans with {@link #channels()}, checks
 * each file with {@link #scan} before writing anything from it, then {@link #read}s it into a {@link Sink}.
 */
public interface ExportReader extends AutoCloseable {

    /** The workspace or guild the export belongs to, e.g. {@code slack:T0123}: import progress is kept per source. */
    String source();

    /** What to import, in order: each channel with its files (oldest first) and, when the export lists them, its members. */
    List<ChannelPlan> channels();

    /** People the export describes outside messages (Slack's users.json). */
    List<Actor> people();

    /** A file's place for messages to a person. */
    String describe(String file);

    /** Reads a file without importing it: its fingerprint and how many message entries it holds. */
    Scan scan(String file) throws IOException, BadFile;

    /** Reads a file's entries in order, skipping the first {@code from} (already stored by an earlier run). */
    void read(String file, ChannelPlan channel, long from, Sink sink) throws IOException, BadFile;

    @Override
    void close();

    record ChannelPlan(Channel channel, List<String> files, Optional<Set<UserId>> members) {}

    record Scan(String fingerprint, long entries) {}

    /** A message as the export shows it: its last edit and its reactions come with it. */
    record Post(Message message, Optional<Instant> editedAt, List<Reaction> reactions) {}

    /** A file that cannot be read as a whole (malformed JSON, not the expected shape): it is skipped. */
    final class BadFile extends Exception {
        public BadFile(String what) {
            super(what);
        }
    }

    /** Receives one call of {@link #post} or {@link #skip} per message entry, in file order. */
    interface Sink {
        void post(Post post);

        /** An entry that is not imported as discussion; {@code reason} is counted in the summary. */
        void skip(String reason);

        /** A membership change the export shows (a join or leave message). */
        void member(UserId user, boolean joined);

        /** Someone the export names (an author), with the display name it gives. */
        void person(Actor actor);

        /** Something imported with a caveat (an author missing from users.json); {@code kind} is counted. */
        void warn(String kind);

        /** A line worth telling the person importing (said once by the reader, e.g. per unknown subtype). */
        void notice(String text);
    }
}
