package dev.copbot.app.loadtest;

import dev.copbot.slack.SlackPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Signed {@code /cop} commands at a fixed rate, open loop (each request leaves at its planned time, whatever the
 * previous ones are doing, and its latency counts from that time), against a bot's {@code /slack/events}.
 */
public final class LoadRun {
    /** Commands a member might type, for the load run: cheap ones, searches and expert lookups. */
    static final List<String> COMMANDS = List.of("help", "communities", "search kafka consumer lag",
            "experts kafka", "skills list", "events", "leaderboard", "community info data-eng", "search retries",
            "help search");

    /** What a run measured: latencies of acknowledgements in milliseconds, statuses, transport failures. */
    public record Result(int rate, Duration planned, Duration took, long[] latenciesMicros, Map<Integer, Long> statuses,
                         long transportErrors, List<String> examples) {
        public long errors() {
            return transportErrors + statuses.entrySet().stream().filter(e -> e.getKey() != 200)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long over3s() {
            return Arrays.stream(latenciesMicros).filter(l -> l >= 3_000_000).count();
        }

        public double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
        }

        public String describe() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%,d requests planned at %d/s for %d s; sent and answered in %.1f s%n",
                    latenciesMicros.length + transportErrors, rate, planned.toSeconds(), took.toMillis() / 1000.0));
            statuses.forEach((s, n) -> out.append(String.format("  HTTP %d: %,d%n", s, n)));
            out.append(String.format("  errors (not 200, or no answer): %,d%n", errors()));
            out.append(String.format("  acknowledgements at 3 s or more: %,d%n", over3s()));
            out.append(String.format("  ack latency ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                    percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(99.9),
                    percentileMillis(100)));
            examples.forEach(e -> out.append("  e.g. ").append(e).append('\n'));
            return out.toString();
        }
    }

    private final String url;
    private final String secret;
    private final String responseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public LoadRun(String url, String secret, String responseUrl) {
        this.url = url;
        this.secret = secret;
        this.responseUrl = responseUrl;
    }

    /** A community and a few hundred messages for the searches and expert lookups to find. */
    public void seed() throws Exception {
        send(SlackPayloads.slashCommand("community create data-eng", responseUrl)).join();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String ts = (1_700_000_000L + i * 60) + ".000100";
            sent.add(send(SlackPayloads.message("EvSeed" + i, ts, "kafka consumer lag after retries, topic " + (i % 17)
                    + " rebalancing " + (i % 5 == 0 ? "solved by raising max.poll.interval.ms" : "still slow"))));
        }
        sent.forEach(CompletableFuture::join);
    }

    public Result run(int rate, Duration duration) throws InterruptedException {
        int count = (int) (rate * duration.toSeconds());
        long[] latencies = new long[count];
        int[] status = new int[count];
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>(count);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long planned = start + i * intervalNanos;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            String text = COMMANDS.get(i % COMMANDS.size());
            all.add(send(SlackPayloads.slashCommand(text, responseUrl)).handle((code, failure) -> {
                latencies[n] = (System.nanoTime() - planned) / 1000;
                status[n] = failure != null ? -1 : code;
                if ((failure != null || code != 200) && examples.size() < 5) {
                    examples.add("/cop " + text + " → " + (failure != null ? failure.toString() : "HTTP " + code));
                }
                return null;
            }));
        }
        all.forEach(CompletableFuture::join);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<Integer, Long> statuses = new TreeMap<>();
        long transport = 0;
        List<Long> answered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (status[i] < 0) {
                transport++;
            } else {
                statuses.merge(status[i], 1L, Long::sum);
                answered.add(latencies[i]);
            }
        }
        return new Result(rate, duration, took, answered.stream().mapToLong(Long::longValue).toArray(), statuses,
                transport, List.copyOf(examples));
    }

    private CompletableFuture<Integer> send(SlackPayloads.Payload p) {
        long ts = System.currentTimeMillis() / 1000;
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", p.contentType())
                        .header("X-Slack-Request-Timestamp", Long.toString(ts))
                        .header("X-Slack-Signature", SlackPayloads.signature(secret, ts, p.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(p.body())).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
