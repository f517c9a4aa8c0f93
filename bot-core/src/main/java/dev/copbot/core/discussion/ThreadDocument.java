package dev.copbot.core.discussion;

import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the index holds for one thread: the unit people search. Built from the stored messages; the title is the
 * root's first line, the body the rest of the root and the replies, the accepted answer also on its own so a match
 * there counts more. {@code starts}: where each message begins in the indexed text (title, newline, body), root
 * first, so a search can link the message that matches best without reading the thread again.
 */
public record ThreadDocument(ThreadKey key, String title, String body, String accepted, Set<UserId> authors,
                             UserId asker, boolean solved, String acceptedMessage, int replyCount, Instant postedAt,
                             Instant lastReplyAt, List<MessageStart> starts) {

    /** A message of the thread and the offset in the indexed text where its text begins. */
    public record MessageStart(int offset, String message) {}

    /** Reactions by the asker that mark an answer as the accepted one (Slack names and Discord's unicode). */
    public static final Set<String> ACCEPT = Set.of("white_check_mark", "heavy_check_mark", "ballot_box_with_check",
            "\u2705", "\u2714\uFE0F", "\u2714", "\u2611\uFE0F");
    static final int TITLE_LENGTH = 150;

    public static ThreadDocument of(ThreadKey key, List<StoredMessage> messages) {
        StoredMessage root = messages.stream().filter(StoredMessage::isRoot).findFirst().orElse(messages.get(0));
        String rootText = Markup.plain(root.text());
        String title = Markup.title(rootText, TITLE_LENGTH);
        StringBuilder body = new StringBuilder(withoutFirstLine(rootText));
        Set<UserId> authors = new LinkedHashSet<>();
        authors.add(root.author());
        StoredMessage accepted = null;
        boolean rootMarked = root.reactions().stream().anyMatch(r -> r.user().equals(root.author()) && ACCEPT.contains(r.emoji()));
        Instant last = root.postedAt();
        int replies = 0;
        List<MessageStart> inBody = new ArrayList<>(); // each reply's offset in the body before it is stripped
        for (StoredMessage m : messages) {
            if (m == root) {
                continue;
            }
            replies++;
            authors.add(m.author());
            body.append("\n\n");
            inBody.add(new MessageStart(body.length(), m.id().id()));
            body.append(Markup.plain(m.text()));
            if (m.postedAt().isAfter(last)) {
                last = m.postedAt();
            }
            boolean acceptedByAsker = !m.author().equals(root.author()) && m.reactions().stream()
                    .anyMatch(r -> r.user().equals(root.author()) && ACCEPT.contains(r.emoji()));
            if (accepted == null && acceptedByAsker) {
                accepted = m;
            }
        }
        String raw = body.toString();
        int stripped = raw.length() - raw.stripLeading().length();
        int bodyStart = title.length() + 1;
        List<MessageStart> starts = new ArrayList<>();
        starts.add(new MessageStart(0, root.id().id()));
        for (MessageStart reply : inBody) {
            starts.add(new MessageStart(bodyStart + Math.max(0, reply.offset() - stripped), reply.message()));
        }
        return new ThreadDocument(key, title, raw.strip(), accepted == null ? "" : Markup.plain(accepted.text()),
                authors, root.author(), accepted != null || rootMarked, accepted == null ? "" : accepted.id().id(),
                replies, root.postedAt(), last, List.copyOf(starts));
    }

    private static String withoutFirstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? "" : t.substring(nl + 1).strip();
    }
}
