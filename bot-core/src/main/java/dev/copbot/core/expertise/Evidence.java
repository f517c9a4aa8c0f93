package dev.copbot.core.expertise;

import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a thread shows about who answered it, as of a moment: each counted replier's strongest reply there. A reply
 * counts unless it is by a bot or a deleted account, or by the thread's own asker (except a reply the asker accepted:
 * a solution they found and marked). Nothing posted after the moment counts, not even in an older thread.
 */
final class Evidence {
    enum Strength { ANSWERED, THANKED, ACCEPTED }

    record Answer(UserId person, MessageId message, Instant at, Strength strength) {}

    /** Reactions by the asker that say "this helped" short of accepting. */
    static final Set<String> THANKS_REACTIONS = Set.of("+1", "thumbsup", "pray", "raised_hands", "heart", "tada",
            "\uD83D\uDE4F", "\uD83D\uDC4D", "\u2764\uFE0F", "\uD83C\uDF89");
    private static final Pattern THANKS = Pattern.compile(
            "\\b(thanks|thank you|thank u|thx|ty|cheers|that worked|this worked|it worked|works now|worked for me|"
                    + "solved|fixed it|perfect|brilliant|that did it|that helped|very helpful|great answer)\\b",
            Pattern.CASE_INSENSITIVE);

    private Evidence() {}

    /** Slack's own user (and, in Stack Exchange exports, every deleted account) and Slack bot ids are nobody's expertise. */
    static boolean isBot(UserId user) {
        String id = user.id();
        return id.equals("USLACKBOT") || (user.platform() == Platform.SLACK && id.matches("B[A-Z0-9]+"));
    }

    /** Whether {@code reactor} marked the message with the accept reaction. */
    static boolean acceptedBy(StoredMessage m, UserId reactor) {
        return m.reactions().stream().anyMatch(r -> r.user().equals(reactor) && ThreadDocument.ACCEPT.contains(r.emoji()));
    }

    /** One answer per counted replier (the strongest, at that reply's time), in thread order; only what was posted by {@code now}. */
    static List<Answer> of(List<StoredMessage> whole, Instant now) {
        List<StoredMessage> thread = new ArrayList<>();
        for (StoredMessage m : whole) {
            if (!m.postedAt().isAfter(now)) {
                thread.add(m);
            }
        }
        if (thread.isEmpty() || thread.stream().noneMatch(StoredMessage::isRoot)) {
            return List.of();
        }
        StoredMessage root = thread.stream().filter(StoredMessage::isRoot).findFirst().orElseThrow();
        UserId asker = root.author();
        Map<UserId, Answer> best = new LinkedHashMap<>();
        for (int i = 0; i < thread.size(); i++) {
            StoredMessage m = thread.get(i);
            boolean accepted = acceptedBy(m, asker);
            if (m == root || isBot(m.author()) || (m.author().equals(asker) && !accepted)) {
                continue;
            }
            Strength s = accepted ? Strength.ACCEPTED : thanked(thread, i, asker) ? Strength.THANKED : Strength.ANSWERED;
            Answer previous = best.get(m.author());
            if (previous == null || s.compareTo(previous.strength()) > 0) {
                best.put(m.author(), new Answer(m.author(), m.id(), m.postedAt(), s));
            }
        }
        return List.copyOf(best.values());
    }

    /** The asker reacted with thanks, or their next message says thanks. */
    private static boolean thanked(List<StoredMessage> thread, int i, UserId asker) {
        StoredMessage m = thread.get(i);
        return m.reactions().stream().anyMatch(r -> r.user().equals(asker) && THANKS_REACTIONS.contains(r.emoji()))
                || (i + 1 < thread.size() && thread.get(i + 1).author().equals(asker)
                    && THANKS.matcher(thread.get(i + 1).text()).find());
    }
}
