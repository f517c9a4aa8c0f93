package dev.copbot.core.discussion;

import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the index holds for one thread: the unit people search. Built from the stored messages; the title is the
 * root's first line, the body the rest of the root and the replies, the accepted answer also on its own so a match
 * there counts more.
 */
public record ThreadDocument(ThreadKey key, String title, String body, String accepted, Set<UserId> authors,
                             UserId asker, boolean solved, String acceptedMessage, int replyCount, Instant postedAt,
                             Instant lastReplyAt) {

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
        for (StoredMessage m : messages) {
            if (m == root) {
                continue;
            }
            replies++;
            authors.add(m.author());
            body.append("\n\n").append(Markup.plain(m.text()));
            if (m.postedAt().isAfter(last)) {
                last = m.postedAt();
            }
            boolean acceptedByAsker = !m.author().equals(root.author()) && m.reactions().stream()
                    .anyMatch(r -> r.user().equals(root.author()) && ACCEPT.contains(r.emoji()));
            if (accepted == null && acceptedByAsker) {
                accepted = m;
            }
        }
        return new ThreadDocument(key, title, body.toString().strip(), accepted == null ? "" : Markup.plain(accepted.text()),
                authors, root.author(), accepted != null || rootMarked, accepted == null ? "" : accepted.id().id(),
                replies, root.postedAt(), last);
    }

    private static String withoutFirstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? "" : t.substring(nl + 1).strip();
    }
}
