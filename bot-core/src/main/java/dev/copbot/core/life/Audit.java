package dev.copbot.core.life;

import dev.copbot.core.command.Suggestions;
import dev.copbot.core.life.AuditReport.Pair;
import dev.copbot.core.life.AuditReport.Row;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KM audit: every live community ranked by activity in the last 30 days, those with no activity for N days
 * flagged to retire, and pairs that look like duplicates (close names, alike purposes, or mostly the same members)
 * flagged to merge.
 */
final class Audit {
    static final Duration WINDOW = Duration.ofDays(30);
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "with", "our", "all", "about", "from",
            "that", "this", "into", "how", "what", "who", "are", "its", "their", "your", "you", "a", "an", "of", "to",
            "in", "on", "we", "us", "is", "it", "at", "by", "or");

    private final CommunityLife life;

    Audit(CommunityLife life) {
        this.life = life;
    }

    /** Only the communities {@code asker} may see: an admin of another workspace is no reader of this one's private ones. */
    AuditReport scan(UserId asker, Instant now, int inactiveDays) {
        List<Row> rows = new ArrayList<>();
        List<AuditReport.CharterDue> due = new ArrayList<>();
        Instant cutoff = now.minus(Duration.ofDays(inactiveDays));
        for (Community c : life.privacy.visible(asker, false)) {
            List<ChannelId> channels = life.channels(c);
            Optional<Instant> last = latest(life.activity.lastActivity(channels), lastEvent(c, now));
            boolean inactive = last.map(l -> l.isBefore(cutoff)).orElse(c.createdAt().isBefore(cutoff));
            rows.add(new Row(c, life.activity.actions(channels, now.minus(WINDOW), now),
                    life.activity.participants(channels, now.minus(WINDOW), now).size(),
                    life.activity.participants(channels, now.minus(WINDOW.multipliedBy(2)), now.minus(WINDOW)).size(),
                    life.communities.memberCount(c.name()), last, inactive));
            Instant reviewed = life.store.charterReviewed(c.name());
            if (!reviewed.plus(Welcome.REVIEW_EVERY).isAfter(now)) {
                due.add(new AuditReport.CharterDue(c.name(), reviewed));
            }
        }
        rows.sort(Comparator.comparingLong(Row::actions).reversed().thenComparing(r -> r.community().name()));
        return new AuditReport(now, inactiveDays, List.copyOf(rows), duplicates(rows.stream().map(Row::community).toList()),
                List.copyOf(due));
    }

    Reply report(UserId asker, Instant now, int inactiveDays) {
        AuditReport report = scan(asker, now, inactiveDays);
        List<Row> rows = report.rows();
        List<Pair> pairs = report.duplicates();
        if (rows.isEmpty()) {
            return Reply.ok("There are no live communities to audit.").withData("audit", Map.of("communities", List.of(),
                    "duplicates", List.of()));
        }
        StringBuilder text = new StringBuilder("Audit of " + rows.size() + (rows.size() == 1 ? " community" : " communities")
                + " (activity in the last 30 days):");
        List<Map<String, Object>> data = new ArrayList<>();
        int rank = 0;
        for (Row r : rows) {
            rank++;
            text.append("\n").append(rank).append(". ").append(r.community().name()).append(": ").append(r.actions())
                    .append(" messages and reactions, ").append(r.active()).append(" active, ").append(r.members())
                    .append(" members, last activity ").append(r.last().map(HealthCommands::day).orElse("never"))
                    .append(r.inactive() ? " — INACTIVE for " + inactiveDays + "+ days: retire it, or revive it" : "")
                    .append(r.shrinking() ? " — SHRINKING: " + r.activeBefore() + " active the 30 days before" : "");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("community", r.community().name());
            row.put("actions", r.actions());
            row.put("active", r.active());
            row.put("activeBefore", r.activeBefore());
            row.put("members", r.members());
            row.put("lastActivity", r.last().map(Instant::toString).orElse(null));
            row.put("inactive", r.inactive());
            row.put("shrinking", r.shrinking());
            data.add(row);
        }
        for (Pair p : pairs) {
            text.append("\nPossible duplicates: ").append(p.a()).append(" and ").append(p.b()).append(" (")
                    .append(String.join("; ", p.reasons())).append("): consider merging them.");
        }
        for (AuditReport.CharterDue d : report.chartersDue()) {
            text.append("\nCharter of ").append(d.community()).append(" due for review (last reviewed ")
                    .append(HealthCommands.day(d.reviewedAt())).append(").");
        }
        return Reply.ok(text.toString())
                .with(new Block.Context("Inactive: no message, reaction or event for " + inactiveDays + " days (inactive:"
                        + "Nd changes it). Shrinking: a quarter or more fewer active people than in the 30 days before. "
                        + "Duplicates: names one or two letters apart or one inside the other, purposes "
                        + "sharing half their words, or most members of the smaller one also in the other. "
                        + "/cop community archive <name> retires one; its history stays searchable."))
                .withData("audit", Map.of("communities", data, "duplicates", pairs.stream().map(p -> Map.of("a", p.a(),
                        "b", p.b(), "reasons", p.reasons())).toList(), "inactiveDays", inactiveDays,
                        "chartersDue", report.chartersDue().stream().map(AuditReport.CharterDue::community).toList()));
    }

    private Optional<Instant> lastEvent(Community c, Instant now) {
        var held = life.events.sessions(c.name(), Instant.EPOCH, now);
        return held.isEmpty() ? Optional.empty() : Optional.of(held.get(held.size() - 1).start());
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isAfter(a.get())).or(() -> a);
    }

    List<Pair> duplicates(List<Community> all) {
        List<Pair> out = new ArrayList<>();
        Map<String, Set<UserId>> members = new LinkedHashMap<>();
        all.forEach(c -> members.put(c.name(), new HashSet<>(life.communities.members(c.name()))));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Community a = all.get(i);
                Community b = all.get(j);
                List<String> reasons = new ArrayList<>();
                if (similarNames(a.name(), b.name())) {
                    reasons.add("similar names");
                }
                double purposes = jaccard(words(a.purpose().orElse("")), words(b.purpose().orElse("")));
                if (purposes >= 0.5) {
                    reasons.add("purposes " + Math.round(purposes * 100) + "% alike");
                }
                Set<UserId> ma = members.get(a.name());
                Set<UserId> mb = members.get(b.name());
                int smaller = Math.min(ma.size(), mb.size());
                long shared = ma.stream().filter(mb::contains).count();
                if (smaller >= 3 && shared >= 0.6 * smaller) {
                    reasons.add(shared + " of the " + smaller + " members of the smaller one in both");
                }
                if (!reasons.isEmpty()) {
                    out.add(new Pair(a.name(), b.name(), reasons));
                }
            }
        }
        return out;
    }

    static boolean similarNames(String a, String b) {
        String x = a.replace("-", "");
        String y = b.replace("-", "");
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        return Suggestions.closest(x, List.of(y), 1).size() == 1 && Math.min(x.length(), y.length()) >= 4;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !STOPWORDS.contains(w)) {
                out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }
}
