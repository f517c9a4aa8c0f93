package dev.copbot.app.web;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn here as SVG markup, so pages need no script and no chart library from anywhere. Each has a title and a
 * description for screen readers; the pages also show the numbers as a table.
 */
final class SvgCharts {
    /** One point of a monthly chart. */
    record Month(String label, int asked, int answered, int active) {}

    static final String ASKED = "#1f5f9e";
    static final String ANSWERED = "#1e7a4c";
    static final String ACTIVE = "#a34a00";

    private SvgCharts() {}

    /** A small trend line of {@code values}, oldest first. */
    static String sparkline(int[] values, String description) {
        int w = 120;
        int h = 28;
        int max = 1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double x = values.length == 1 ? w / 2.0 : 2 + i * (w - 4.0) / (values.length - 1);
            double y = h - 3 - values[i] * (h - 6.0) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return "<svg class=\"spark\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h
                + "\" role=\"img\" aria-label=\"" + escape(description) + "\"><title>" + escape(description)
                + "</title><polyline fill=\"none\" stroke=\"" + ACTIVE + "\" stroke-width=\"2\" points=\""
                + points.toString().strip() + "\"/></svg>";
    }

    /** Questions asked and answered as bars, active people as a line, one group a month. */
    static String monthly(List<Month> months, String title) {
        int w = 720;
        int h = 260;
        int left = 36;
        int right = w - 12;
        int top = 16;
        int bottom = h - 28;
        int max = 1;
        for (Month m : months) {
            max = Math.max(max, Math.max(m.asked(), m.active()));
        }
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" "
                + "aria-labelledby=\"chart-title\"><title id=\"chart-title\">" + escape(title) + "</title>");
        for (int i = 0; i <= 4; i++) {
            int v = (int) Math.round(max * i / 4.0);
            double y = bottom - (double) v / max * (bottom - top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"4\" y=\"%.1f\" class=\"axis\">%d</text>", left, right, y, y, y + 4, v));
        }
        double slot = (double) (right - left) / Math.max(1, months.size());
        double bar = Math.max(2, slot * 0.3);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            double x = left + i * slot + slot / 2;
            svg.append(rect(x - bar, m.asked(), bar, max, top, bottom, ASKED));
            svg.append(rect(x, m.answered(), bar, max, top, bottom, ANSWERED));
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, bottom - (double) m.active() / max * (bottom - top)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
                    x, h - 8, escape(m.label())));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(ACTIVE).append("\" stroke-width=\"2.5\" points=\"")
                .append(line.toString().strip()).append("\"/></svg>");
        return svg.toString();
    }

    private static String rect(double x, int value, double width, int max, int top, int bottom, String colour) {
        double height = (double) value / max * (bottom - top);
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, bottom - height, width, height, colour);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
