package dev.copbot.app.web;

import dev.copbot.app.web.Views.AuditPage;
import dev.copbot.app.web.Views.AuditRow;
import dev.copbot.app.web.Views.LabelledValue;
import dev.copbot.core.CopBot;
import dev.copbot.core.life.AuditReport;
import dev.copbot.core.platform.UserId;
import java.time.ZoneOffset;
import java.util.List;

/** The audit page: what {@code /cop audit} reports in chat, from the same computation, laid out as tables. */
final class AuditView {
    private final CopBot bot;

    AuditView(CopBot bot) {
        this.bot = bot;
    }

    AuditPage of(UserId viewer) {
        AuditReport report = bot.life().figures().audit(viewer);
        List<AuditRow> rows = report.rows().stream().map(AuditView::row).toList();
        return new AuditPage(report.inactiveDays(), rows, rows.stream().filter(AuditRow::inactive).toList(),
                rows.stream().filter(AuditRow::shrinking).toList(),
                report.duplicates().stream().map(p -> p.a() + " and " + p.b() + ": " + String.join("; ", p.reasons()))
                        .toList(),
                report.chartersDue().stream().map(d -> new LabelledValue(d.community(), "last reviewed "
                        + day(d.reviewedAt()))).toList());
    }

    private static AuditRow row(AuditReport.Row r) {
        String name = r.community().name();
        return new AuditRow(name, "/dashboard/communities/" + CommunityViews.encode(name), r.actions(), r.active(),
                r.activeBefore(), r.members(), r.last().map(AuditView::day).orElse("never"), r.inactive(), r.shrinking());
    }

    private static String day(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
