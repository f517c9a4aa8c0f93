package dev.copbot.core.expertise;

import dev.copbot.core.discussion.StoredMessage;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a thread shows about who answered it: each answerer's strongest answer there. */
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

    /** One answer per answerer (the strongest), in thread order. The thread's own asker answers nothing. */
    static List<Answer> of(List<StoredMessage> thread) {
        if (thread.isEmpty()) {
            return List.of();
        }
        StoredMessage root = thread.stream().filter(StoredMessage::isRoot).findFirst().orElse(thread.get(0));
        UserId asker = root.author();
        Map<UserId, Answer> best = new LinkedHashMap<>();
        for (int i = 0; i < thread.size(); i++) {
            StoredMessage m = thread.get(i);
            if (m == root || m.author().equals(asker)) {
                continue;
            }
            Strength s = Strength.ANSWERED;
            if (m.reactions().stream().anyMatch(r -> r.user().equals(asker) && ThreadDocument.ACCEPT.contains(r.emoji()))) {
                s = Strength.ACCEPTED;
            } else if (m.reactions().stream().anyMatch(r -> r.user().equals(asker) && THANKS_REACTIONS.contains(r.emoji()))
                    || (i + 1 < thread.size() && thread.get(i + 1).author().equals(asker)
                        && THANKS.matcher(thread.get(i + 1).text()).find())) {
                s = Strength.THANKED;
            }
            Answer a = new Answer(m.author(), m.id(), m.postedAt(), s);
            Answer previous = best.get(m.author());
            if (previous == null || s.compareTo(previous.strength()) > 0) {
                best.put(m.author(), a);
            }
        }
        return List.copyOf(best.values());
    }
}
