package dev.copbot.tools.bench;

import dev.copbot.app.BotRuntime;
import dev.copbot.app.config.ConfigLoader;
import dev.copbot.app.config.Settings;
import dev.copbot.core.CopBot;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code copbot bench experts}: ingest N messages through the bot (a third of the answered threads accepted by their
 * asker), then time the whole {@code /cop experts <topic>} command, the same while new replies arrive between
 * questions (each one a change the expert ledger must take in), and {@code /cop ask} with its routing step
 * ({@code ask-experts}: rank, spread the load, post, DM).
 */
public final class ExpertsBenchmark {
    private static final int WARMUP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 2;

    private final SyntheticWorkspace workspace = new SyntheticWorkspace();
    private final PrintStream out;

    public ExpertsBenchmark(PrintStream out) {
        this.out = out;
    }

    public void run(int messages, Path dir) throws Exception {
        SearchBenchmark.HeapSampler heap = new SearchBenchmark.HeapSampler();
        heap.start();
        // One person asks everything: no rate limit, or the benchmark would measure the brake.
        Settings settings = new ConfigLoader(Map.of("COPBOT_EXPERTS_PER_MINUTE", "0", "COPBOT_ASKS_PER_MINUTE", "0",
                "COPBOT_SEARCHES_PER_MINUTE", "0")).load(Optional.empty(), Optional.of(dir));
        BenchPort port = new BenchPort();
        try (BotRuntime runtime = BotRuntime.start(settings, Clock.systemUTC(), port)) {
            CopBot bot = runtime.bot();
            BotIngest.enableChannels(bot);
            double rate = BotIngest.ingest(bot, workspace, messages, true);
            out.printf(Locale.ROOT, "ingest   %,d messages at %,.0f msg/s (store + index + check marks)%n", messages, rate);
            Actor admin = new Actor(BotIngest.user("U0ADMIN"), "admin", Optional.empty(), true);
            run(bot, admin, "community create bench channel:<#C100|c100>");

            List<String> queries = workspace.queries(150, 50);
            List<String> topics = queries.subList(0, 150);
            List<String> questions = queries.subList(150, 200);
            Actor asker = Actor.of(BotIngest.user("U1000"), "bench");
            long first = timed(bot, asker, "experts " + topics.get(0));
            out.printf(Locale.ROOT, "experts  first question (reads every answer of the workspace): %.0f ms%n", first / 1e6);

            report("experts <topic>", measure(topics, q -> timed(bot, asker, "experts " + q)));
            report("experts <question>", measure(questions, q -> timed(bot, asker, "experts " + q)));
            Replier replier = new Replier(bot, messages);
            report("experts, a new reply before each", measure(topics, q -> {
                replier.postOne();
                return timed(bot, asker, "experts " + q);
            }));
            report("ask (similar threads)", measure(questions, q -> timed(bot, asker, "ask " + q + " community:bench")));
            report("ask-experts (route)", measure(questions, q -> {
                Reply asked = run(bot, asker, "ask " + q + " community:bench");
                return timed(bot, asker, "ask-experts " + asked.data().get("question"));
            }));
            out.printf(Locale.ROOT, "ask      %,d posts and DMs sent to the fake Slack%n", port.sent());
        }
        heap.stop();
        out.printf(Locale.ROOT, "heap     peak in use %d MB (sampled every 20 ms), max allowed %d MB%n",
                heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static ChannelId where() {
        return BotIngest.channel("C100").id();
    }

    /** Each query's time over the measured rounds, after the warm-up ones. */
    private static long[] measure(List<String> queries, ToLongFunction<String> timedCommand) {
        long[] times = new long[queries.size() * MEASURED_ROUNDS];
        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
            for (int i = 0; i < queries.size(); i++) {
                long took = timedCommand.applyAsLong(queries.get(i));
                if (round >= WARMUP_ROUNDS) {
                    times[(round - WARMUP_ROUNDS) * queries.size() + i] = took;
                }
            }
        }
        return times;
    }

    /** Runs the command and returns how long it took, in nanoseconds. */
    private static long timed(CopBot bot, Actor asker, String command) {
        long t0 = System.nanoTime();
        run(bot, asker, command);
        return System.nanoTime() - t0;
    }

    private static Reply run(CopBot bot, Actor asker, String command) {
        Reply reply = bot.run(Inbound.CommandInvoked.of(asker, where(), command));
        if (!reply.ok()) {
            throw new IllegalStateException("bench command failed: " + command + ": " + reply.text());
        }
        return reply;
    }

    private void report(String what, long[] nanos) {
        out.printf(Locale.ROOT, "%-34s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%d samples)%n", what,
                SearchBenchmark.percentile(nanos, 50), SearchBenchmark.percentile(nanos, 99),
                Arrays.stream(nanos).max().orElse(0) / 1e6, nanos.length);
    }

    /** Posts one more reply by someone new to the bench, into a thread of the workspace, as a live channel would. */
    private static final class Replier {
        private final CopBot bot;
        private final List<SyntheticWorkspace.Msg> roots = new ArrayList<>();
        private int next;

        Replier(CopBot bot, int messages) {
            this.bot = bot;
            new SyntheticWorkspace().generate(Math.min(messages, 20_000), m -> {
                if (m.ts().equals(m.threadTs())) {
                    roots.add(m);
                }
            });
        }

        void postOne() {
            SyntheticWorkspace.Msg root = roots.get(next % roots.size());
            long at = root.epochMillis() + 3_600_000L + next;
            String ts = (at / 1000) + "." + String.format(Locale.ROOT, "%06d", 900_000 + next++ % 100_000);
            bot.discussions().posted(BotIngest.posted(new SyntheticWorkspace.Msg(root.channel(), ts, root.threadTs(),
                    "U9" + (next % 50), "late answer " + next, at)));
        }
    }
}
