package dev.copbot.app.loadtest;

import dev.copbot.slack.SlackPayloads;
import dev.copbot.slack.SlackPayloads.Payload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mutated Slack requests against a bot's {@code /slack/events}, nearly all correctly signed after mutation (so they
 * reach the parsing and handling behind the signature check); some unsigned, stale or with the wrong method. Seeded:
 * the same seed sends the same cases. Counts answers by status and keeps a few examples of each 5xx.
 */
public final class SlackFuzz {
    public record Result(SortedMap<Integer, Long> byStatus, Map<Integer, List<String>> examples, long transportErrors,
                         Duration took) {
        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum() + transportErrors;
        }

        public long serverErrors() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final String[] NASTY = {"", "%", "%zz", "%E0%A4%A", "&", "=", "==", "&&&", "payload=", "{", "}", "[",
            "]", "\"", "\\", "\\u0000", "\u0000", "null", "true", "-1", "1e999", "NaN", "{}", "[]", "{\"a\":", "\uD800",
            "🙂", "<!channel>", "<@U123>", "@here", "'; DROP TABLE messages; --", "%00", "\r\n", "+", "%2B",
            "x".repeat(5000), "9".repeat(40)};
    private static final String[] TYPES = {"block_actions", "view_submission", "view_closed", "shortcut",
            "message_action", "block_suggestion", "event_callback", "url_verification", "app_rate_limited", "wat", ""};

    private final String url;
    private final String secret;
    private final String responseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    public SlackFuzz(String url, String secret, String responseUrl) {
        this.url = url;
        this.secret = secret;
        this.responseUrl = responseUrl;
    }

    /** Sends {@code count} cases from {@code seed}, {@code parallel} at a time. */
    public Result run(long seed, int count, int parallel) throws InterruptedException {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Integer, List<String>> examples = new ConcurrentSkipListMap<>();
        AtomicLong transport = new AtomicLong();
        Semaphore slots = new Semaphore(parallel);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                Case c = generate(new Random(seed * 1_000_003L + i), i);
                slots.acquire();
                pool.execute(() -> {
                    try {
                        int status = send(c);
                        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                        if (status >= 500) {
                            List<String> list = examples.computeIfAbsent(status, k -> new CopyOnWriteArrayList<>());
                            if (list.size() < 5) {
                                list.add(c.describe());
                            }
                        }
                    } catch (Exception e) {
                        transport.incrementAndGet();
                        List<String> list = examples.computeIfAbsent(-1, k -> new CopyOnWriteArrayList<>());
                        if (list.size() < 5) {
                            list.add(e + " for " + c.describe());
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        SortedMap<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return new Result(counts, examples, transport.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** One request: method, content type, body and how it is signed. */
    record Case(int index, String method, String contentType, String body, Signing signing) {
        String describe() {
            String b = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return "#" + index + " " + method + " " + contentType + " " + signing + " " + b;
        }
    }

    enum Signing { SIGNED, UNSIGNED, STALE, WRONG }

    Case generate(Random r, int index) {
        Payload base = base(r, index);
        String body = base.body();
        int mutations = r.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            body = mutate(r, body);
        }
        String type = r.nextInt(20) == 0 ? pick(r, new String[] {"text/plain", "", "application/json",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) : base.contentType();
        int s = r.nextInt(100);
        Signing signing = s < 92 ? Signing.SIGNED : s < 95 ? Signing.UNSIGNED : s < 98 ? Signing.STALE : Signing.WRONG;
        String method = r.nextInt(50) == 0 ? pick(r, new String[] {"GET", "PUT", "DELETE", "PATCH"}) : "POST";
        return new Case(index, method, type, body, signing);
    }

    private Payload base(Random r, int index) {
        String id = "Ev" + Integer.toString(index, 36) + "x" + r.nextInt(1000);
        String ts = (1_700_000_000L + r.nextInt(10_000_000)) + "." + String.format("%06d", r.nextInt(1_000_000));
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> SlackPayloads.slashCommand(pick(r, LoadRun.COMMANDS.toArray(String[]::new))
                    + (r.nextBoolean() ? "" : " " + pick(r, NASTY)), responseUrl);
            case 3 -> SlackPayloads.buttonClick(pick(r, new String[] {"communities", "help", "events"}), responseUrl);
            case 4 -> SlackPayloads.viewSubmission(pick(r, new String[] {"charter", "talk.propose", "event.create", ""}));
            case 5, 6 -> SlackPayloads.message(id, ts, "kafka lag " + pick(r, NASTY).replace("\\", "").replace("\"", ""));
            case 7 -> SlackPayloads.reaction(id, ts);
            case 8 -> r.nextBoolean() ? SlackPayloads.memberJoined(id) : SlackPayloads.appHome(id);
            default -> switch (r.nextInt(3)) {
                case 0 -> SlackPayloads.urlVerification();
                case 1 -> SlackPayloads.sslCheck();
                default -> SlackPayloads.interactive("{\"type\":\"" + pick(r, TYPES) + "\",\"team\":{\"id\":\"T1\"},"
                        + "\"user\":{\"id\":\"U1\"}}");
            };
        };
    }

    /** One random change: flip, drop, repeat or insert characters, cut the body, or swap a value for a nasty one. */
    static String mutate(Random r, String body) {
        if (body.isEmpty()) {
            return pick(r, NASTY);
        }
        int at = r.nextInt(body.length());
        return switch (r.nextInt(9)) {
            case 0 -> body.substring(0, at) + (char) (body.charAt(at) ^ (1 << r.nextInt(7))) + body.substring(at + 1);
            case 1 -> body.substring(0, at) + body.substring(Math.min(body.length(), at + 1 + r.nextInt(20)));
            case 2 -> body.substring(0, at);
            case 3 -> body.substring(0, at) + pick(r, NASTY) + body.substring(at);
            case 4 -> {
                // a whole value replaced: after a '=' (form) or a ':' (JSON)
                int sep = Math.max(body.indexOf('=', at), body.indexOf(':', at));
                if (sep < 0) {
                    yield body + pick(r, NASTY);
                }
                int end = sep + 1;
                while (end < body.length() && "&,}".indexOf(body.charAt(end)) < 0) {
                    end++;
                }
                yield body.substring(0, sep + 1) + pick(r, NASTY) + body.substring(end);
            }
            case 5 -> body + body.substring(at);
            case 6 -> body.replace("%7B", pick(r, new String[] {"%7", "{", "%7B%7B", "%5B"}));
            case 7 -> body.replace("\"", r.nextBoolean() ? "'" : "");
            default -> {
                // a field dropped: the text from one separator to the next
                int from = body.lastIndexOf(body.startsWith("{") ? ',' : '&', at);
                int to = body.indexOf(body.startsWith("{") ? ',' : '&', at + 1);
                yield from < 0 || to < 0 ? body : body.substring(0, from) + body.substring(to);
            }
        };
    }

    private int send(Case c) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        long ts = c.signing() == Signing.STALE ? now - 3600 : now;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(c.method(), HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
        if (!c.contentType().isEmpty()) {
            b.header("Content-Type", c.contentType());
        }
        if (c.signing() != Signing.UNSIGNED) {
            b.header("X-Slack-Request-Timestamp", Long.toString(ts));
            b.header("X-Slack-Signature", c.signing() == Signing.WRONG
                    ? SlackPayloads.signature(secret + "x", ts, c.body()) : SlackPayloads.signature(secret, ts, c.body()));
        }
        HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    public static String describe(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d requests in %.1f s (%.0f/s)%n", result.total(), result.took().toMillis() / 1000.0,
                result.total() / Math.max(0.001, result.took().toMillis() / 1000.0)));
        result.byStatus().forEach((status, n) -> out.append(String.format("  HTTP %d: %,d%n", status, n)));
        if (result.transportErrors() > 0) {
            out.append(String.format("  no answer (transport error): %,d%n", result.transportErrors()));
        }
        out.append(String.format("answers >= 500: %,d%n", result.serverErrors()));
        result.examples().forEach((status, list) -> list.forEach(e -> out.append("  e.g. ").append(status)
                .append(": ").append(e).append('\n')));
        return out.toString();
    }

    static List<String> nasty() {
        return new ArrayList<>(List.of(NASTY));
    }
}
