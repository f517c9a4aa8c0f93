package dev.copbot.app.web;

import java.util.List;

/** What the templates show: plain values, already worded, so templates only lay them out. */
public final class Views {
    private Views() {}

    /** Who is looking (empty on the sign-in pages), and the token their forms carry. */
    public record Viewer(String name, boolean admin, String csrf) {}

    /** The frame of every page: its title, which navigation entry it is, and the viewer. */
    public record Frame(String title, String current, Viewer viewer) {
        public boolean signedIn() {
            return viewer != null;
        }
    }

    public record Link(String label, String href) {}

    /** A column heading that sorts the table: where it links, and how it is sorted now (for aria-sort). */
    public record SortColumn(String label, String href, String ariaSort) {}

    public record CommunityRow(String name, String href, String purpose, boolean isPrivate, long members, int active,
                               String activeShare, String answerRate, String firstAnswer, String trendSvg) {}

    public record CommunitiesPage(List<SortColumn> columns, List<CommunityRow> rows, String window) {}

    public record LabelledValue(String label, String value) {}

    public record ThreadView(String title, String channel, String date, int replies, boolean solved) {}

    public record EventView(long id, String title, String when, String where, int going) {}

    public record MonthRow(String month, int members, int active, int asked, int answered, String answerRate,
                           String firstAnswer) {}

    public record CommunityPage(String name, String purpose, List<LabelledValue> charter, List<String> leaders,
                                List<String> channels, List<LabelledValue> health, boolean showMonthly,
                                String chartSvg, List<MonthRow> months, List<ThreadView> top,
                                List<ThreadView> unanswered, List<String> experts, List<EventView> events,
                                Link calendar, String calendarNote) {}

    public record AuditRow(String name, String href, long actions, int active, int activeBefore, long members,
                           String lastActivity, boolean inactive, boolean shrinking) {}

    public record AuditPage(int inactiveDays, List<AuditRow> rows, List<AuditRow> inactive, List<AuditRow> shrinking,
                            List<String> duplicates, List<LabelledValue> chartersDue) {}

    public record SearchHit(String title, String channel, String date, String snippet, boolean solved, int replies,
                            String permalink) {}

    public record SearchPage(String query, String in, String from, String before, String after, String is,
                             String community, List<String> communities, boolean searched, String message,
                             int total, List<SearchHit> hits) {}

    public record MePage(List<Link> communities, List<String> skills, List<String> going, int kudosThisYear,
                         List<String> kudos, boolean optedOut, String awayUntil, String done, String error) {}
}
