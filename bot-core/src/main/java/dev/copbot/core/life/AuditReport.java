package dev.copbot.core.life;

import dev.copbot.core.community.Community;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the KM audit found, before it becomes a chat reply or a dashboard page (one computation for both, so they
 * agree): every live community the viewer may see with its activity, those inactive for {@code inactiveDays},
 * those shrinking, likely duplicates, and charters due for their yearly review.
 */
public record AuditReport(Instant at, int inactiveDays, List<Row> rows, List<Pair> duplicates, List<CharterDue> chartersDue) {

    /**
     * One community: messages and reactions and active participants in the last 30 days, active participants in the
     * 30 days before, members, the last activity, and whether it has been quiet for {@code inactiveDays}.
     */
    public record Row(Community community, long actions, int active, int activeBefore, long members,
                      Optional<Instant> last, boolean inactive) {
        /** At least four people were active before and a quarter or more of them are gone: worth a look. */
        public boolean shrinking() {
            return activeBefore >= 4 && active * 4 <= activeBefore * 3;
        }
    }

    /** Two communities that look alike, with why. */
    public record Pair(String a, String b, List<String> reasons) {}

    /** A charter not reviewed for a year: since when. */
    public record CharterDue(String community, Instant reviewedAt) {}

    public List<Row> inactive() {
        return rows.stream().filter(Row::inactive).toList();
    }

    public List<Row> shrinking() {
        return rows.stream().filter(Row::shrinking).toList();
    }
}
