package dev.copbot.tools.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A reproducible workspace of Q&A threads for benchmarks: words follow a Zipf law over a 30 000-word vocabulary
 * (plus technical tokens), threads have a title line and a few replies, messages come in time order. The same seed
 * always yields the same messages, so they are generated as a stream, never held in memory at once.
 */
public final class SyntheticWorkspace {
    public static final String TEAM = "T0BENCH";
    public static final int CHANNELS = 20;
    private static final String[] TECH = {"kafka", "k8s", "NullPointerException", "v1.2.3", "snake_case",
            "kafka-consumer", "grpc", "postgres", "terraform", "helm", "jvm", "gc", "tls", "oauth2", "redis", "s3"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ter", "an", "ro", "se", "vel", "ku", "dra", "pen",
            "il", "os", "tri", "ne", "bu", "gar", "fi", "mo", "zen", "ap", "qui", "lex", "dor"};

    public record Msg(String channel, String ts, String threadTs, String user, String text, long epochMillis) {}

    private final String[] vocabulary;
    private final double[] cumulative;

    public SyntheticWorkspace() {
        Random r = new Random(1);
        vocabulary = new String[30_000 + TECH.length];
        for (int i = 0; i < 30_000; i++) {
            StringBuilder w = new StringBuilder();
            int n = 1 + r.nextInt(3);
            for (int s = 0; s < n; s++) {
                w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = w.append(i % 97).toString();
        }
        System.arraycopy(TECH, 0, vocabulary, 30_000, TECH.length);
        // shuffle the technical tokens into the middle of the distribution
        for (int i = 0; i < TECH.length; i++) {
            int j = 200 + r.nextInt(2000);
            String t = vocabulary[j];
            vocabulary[j] = vocabulary[30_000 + i];
            vocabulary[30_000 + i] = t;
        }
        cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / Math.pow(i + 1, 1.07);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    String word(Random r) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble());
        return vocabulary[i < 0 ? -i - 1 : i];
    }

    String words(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word(r));
        }
        return b.toString();
    }

    /** Streams exactly {@code total} messages, whole threads at a time (the last one may be cut short). */
    public void generate(int total, Consumer<Msg> sink) {
        Random r = new Random(42);
        long time = 1_700_000_000_000L;
        int produced = 0;
        while (produced < total) {
            String channel = "C" + (100 + r.nextInt(CHANNELS));
            time += 1 + r.nextInt(60_000);
            String root = ts(time);
            String title = words(r, 4 + r.nextInt(7));
            sink.accept(new Msg(channel, root, root, user(r), "*" + title + "*\n" + words(r, 8 + r.nextInt(33)), time));
            produced++;
            int replies = Math.min(total - produced, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3));
            for (int i = 0; i < replies; i++) {
                time += 1 + r.nextInt(30_000);
                sink.accept(new Msg(channel, ts(time), root, user(r), words(r, 5 + r.nextInt(46)), time));
                produced++;
            }
        }
    }

    /** A fixed query set: short keyword searches of mid-frequency words, and question-length ones. */
    public List<String> queries(int shortOnes, int longOnes) {
        Random r = new Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < shortOnes; i++) {
            int n = 1 + r.nextInt(3);
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < n; w++) {
                q.append(w > 0 ? " " : "").append(vocabulary[50 + r.nextInt(5000)]);
            }
            out.add(q.toString());
        }
        for (int i = 0; i < longOnes; i++) {
            out.add(words(r, 6 + r.nextInt(5)));
        }
        return out;
    }

    private static String user(Random r) {
        return "U" + (1000 + r.nextInt(2000));
    }

    private static String ts(long millis) {
        return (millis / 1000) + "." + String.format("%06d", (millis % 1000) * 1000);
    }
}
