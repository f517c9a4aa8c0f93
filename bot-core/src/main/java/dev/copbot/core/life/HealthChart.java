package dev.copbot.core.life;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly picture of a community's health: questions asked and answered as bars, active participants as a line,
 * one group a week. Drawn with Java2D off-screen (headless), written as PNG by ImageIO.
 */
final class HealthChart {
    /** One week: its first day, questions asked, how many of them were answered, active participants. */
    record Week(LocalDate start, int asked, int answered, int active) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    private static final Color ASKED = new Color(0x4A90D9);
    private static final Color ANSWERED = new Color(0x2EAD6B);
    private static final Color ACTIVE = new Color(0xE07B39);
    private static final Logger log = LoggerFactory.getLogger(HealthChart.class);

    private HealthChart() {}

    /** The PNG, or empty where the machine cannot draw (no fonts in a slim image): the numbers still go out. */
    static Optional<byte[]> png(String title, List<Week> weeks) {
        System.setProperty("java.awt.headless", "true");
        try {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                draw(g, title, weeks);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            log.warn("could not draw the health chart: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void draw(Graphics2D g, String title, List<Week> weeks) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 16, 24);
        int left = 48;
        int right = WIDTH - 16;
        int top = 56;
        int bottom = HEIGHT - 40;
        int max = Math.max(1, weeks.stream().mapToInt(w -> Math.max(w.asked(), w.active())).max().orElse(1));
        int step = niceStep(max);
        int ceiling = ((max + step - 1) / step) * step;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int v = 0; v <= ceiling; v += step) {
            int y = bottom - (int) ((double) v / ceiling * (bottom - top));
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(left, y, right, y);
            g.setColor(Color.GRAY);
            g.drawString(Integer.toString(v), 12, y + 4);
        }
        legend(g, right);
        if (weeks.isEmpty()) {
            return;
        }
        double slot = (double) (right - left) / weeks.size();
        int bar = Math.max(2, (int) (slot * 0.32));
        int[] xs = new int[weeks.size()];
        int[] ys = new int[weeks.size()];
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        for (int i = 0; i < weeks.size(); i++) {
            Week w = weeks.get(i);
            int x = left + (int) (i * slot + slot / 2);
            bar(g, ASKED, x - bar, w.asked(), bar, ceiling, top, bottom);
            bar(g, ANSWERED, x, w.answered(), bar, ceiling, top, bottom);
            xs[i] = x;
            ys[i] = bottom - (int) ((double) w.active() / ceiling * (bottom - top));
            if (i % Math.max(1, weeks.size() / 6) == 0) {
                g.setColor(Color.GRAY);
                g.drawString(label.format(w.start()), x - 16, bottom + 16);
            }
        }
        g.setColor(ACTIVE);
        g.setStroke(new BasicStroke(2f));
        g.drawPolyline(xs, ys, xs.length);
        for (int i = 0; i < xs.length; i++) {
            g.fillOval(xs[i] - 3, ys[i] - 3, 6, 6);
        }
    }

    private static void bar(Graphics2D g, Color color, int x, int value, int width, int ceiling, int top, int bottom) {
        int h = (int) ((double) value / ceiling * (bottom - top));
        g.setColor(color);
        g.fillRect(x, bottom - h, width, h);
    }

    private static void legend(Graphics2D g, int right) {
        String[] names = {"asked", "answered", "active people"};
        Color[] colors = {ASKED, ANSWERED, ACTIVE};
        int x = right - 260;
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(x, 34, 10, 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(names[i], x + 14, 43);
            x += 20 + g.getFontMetrics().stringWidth(names[i]) + 12;
        }
    }

    /** 1, 2, 5, 10, 20, 50 … so the axis has at most about five lines. */
    static int niceStep(int max) {
        int step = 1;
        while (max / step > 5) {
            step = step * (Integer.toString(step).startsWith("2") ? 5 : 2) / (Integer.toString(step).startsWith("2") ? 2 : 1);
        }
        return step;
    }
}
