package dev.copbot.app.metrics;

import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import dev.copbot.app.BotRuntime;
import dev.copbot.app.http.BotHttpServer;
import dev.copbot.app.http.HttpResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Prometheus metrics of a running bot, served on the bot's HTTP port at {@code /metrics}: the core's meters
 * ({@link dev.copbot.core.metrics.BotMeters}: commands, messages ingested, platform API calls), the scheduler's
 * backlog, the search index's lag behind the store, and JVM and process metrics. With {@code COPBOT_METRICS_TOKEN}
 * set, a scrape must send {@code Authorization: Bearer <token>} (else 401).
 */
public final class AppMetrics implements AutoCloseable {
    public static final String PATH = "/metrics";
    public static final String TOKEN_VARIABLE = "COPBOT_METRICS_TOKEN";
    /** Where {@code Discussions#flush} records the store's message count in the index's commit data. */
    private static final Duration SLOW_GAUGE_CACHE = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private AppMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /** A Prometheus registry joined to Micrometer's global one (where the core and the adapters record). */
    public static AppMetrics start(BotRuntime runtime, Clock clock) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "copbot");
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);

        Supplier<double[]> scheduler = cached(() -> schedulerBacklog(runtime, clock.instant()));
        Gauge.builder("copbot.scheduler.due", () -> scheduler.get()[0]).description(
                "Scheduled jobs (reminders, asks, digests) whose time has come and that no worker has picked yet")
                .register(registry);
        Gauge.builder("copbot.scheduler.scheduled", () -> scheduler.get()[1])
                .description("Scheduled jobs waiting, due or not").register(registry);
        Gauge.builder("copbot.scheduler.running", () -> runtime.scheduler().getCurrentlyExecuting().size())
                .description("Scheduled jobs running now").register(registry);
        Supplier<double[]> lag = cached(() -> indexLag(runtime));
        Gauge.builder("copbot.index.lag.changes", () -> lag.get()[0]).description(
                "Changes committed to the store (by any replica) that this replica's search index has not applied yet")
                .register(registry);
        Gauge.builder("copbot.index.unflushed", () -> runtime.bot().discussions().dirty() ? 1 : 0)
                .description("1 when the index holds changes not yet committed to disk").register(registry);
        Gauge.builder("copbot.store.messages", () -> lag.get()[1]).description("Messages in the store")
                .register(registry);
        Supplier<double[]> reachable = cached(() -> new double[] {runtime.index().reachable() ? 1 : 0});
        Gauge.builder("copbot.search.backend.up", () -> reachable.get()[0]).description(
                "1 when the search backend answers (always for the embedded index; OpenSearch: the node and the index)")
                .register(registry);
        Metrics.addRegistry(registry);
        return new AppMetrics(registry, gc);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The {@code /metrics} route; {@code token} when scrapes must authenticate. */
    public BotHttpServer route(BotHttpServer http, Optional<String> token) {
        byte[] expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
        return http.route(PATH, Set.of("GET", "HEAD"), request -> {
            if (expected != null) {
                byte[] given = request.header("authorization").orElse("").getBytes(StandardCharsets.UTF_8);
                if (!MessageDigest.isEqual(expected, given)) {
                    return new HttpResponse(401, "text/plain; charset=utf-8",
                            Map.of("WWW-Authenticate", "Bearer realm=\"copbot metrics\""),
                            "metrics need Authorization: Bearer <COPBOT_METRICS_TOKEN>".getBytes(StandardCharsets.UTF_8));
                }
            }
            return new HttpResponse(200, "text/plain; version=0.0.4; charset=utf-8", Map.of(),
                    registry.scrape().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static double[] schedulerBacklog(BotRuntime runtime, Instant now) {
        long[] due = {0};
        long[] all = {0};
        runtime.scheduler().fetchScheduledExecutions(ScheduledExecutionsFilter.all().withPicked(false), e -> {
            all[0]++;
            if (!e.getExecutionTime().isAfter(now)) {
                due[0]++;
            }
        });
        return new double[] {due[0], all[0]};
    }

    private static double[] indexLag(BotRuntime runtime) {
        return new double[] {runtime.bot().discussions().changesBehind(),
                runtime.bot().discussions().store().messageCount()};
    }

    /** A slow figure computed at most every 10 s (a scrape may come from several Prometheus servers); NaN on failure. */
    private static Supplier<double[]> cached(Supplier<double[]> compute) {
        AtomicLong at = new AtomicLong(Long.MIN_VALUE);
        double[][] last = {null};
        return () -> {
            synchronized (last) {
                long now = System.nanoTime();
                if (last[0] == null || now - at.get() > SLOW_GAUGE_CACHE.toNanos()) {
                    try {
                        last[0] = compute.get();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(AppMetrics.class).warn("a metric could not be computed: {}", e.toString());
                        last[0] = new double[] {Double.NaN, Double.NaN};
                    }
                    at.set(now);
                }
                return last[0];
            }
        };
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
