package dev.copbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 18, the HTTP edge: wrong paths, methods, oversized bodies and slow clients. */
class BotHttpServerEdgeTest {
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicInteger handled = new AtomicInteger();
    BotHttpServer server;
    int port;

    @BeforeEach
    void start() throws Exception {
        server = new BotHttpServer().route("/slack/events", Set.of("POST"), r -> {
            handled.incrementAndGet();
            return HttpResponse.text(200, "got " + r.body().length);
        }).start("127.0.0.1", 0);
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void unknownPathsAre404AndOtherMethods405WithAllow() throws Exception {
        assertThat(client.send(HttpRequest.newBuilder(uri("/wp-admin")).build(), BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        var get = client.send(HttpRequest.newBuilder(uri("/slack/events")).build(), BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).contains("POST");
        var put = client.send(HttpRequest.newBuilder(uri("/slack/events")).PUT(BodyPublishers.ofString("x")).build(),
                BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(client.send(HttpRequest.newBuilder(uri("/healthz")).build(), BodyHandlers.ofString()).body())
                .isEqualTo("ok");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aFiveMegabyteBodyGets413NotAReset() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        var r = client.send(HttpRequest.newBuilder(uri("/slack/events")).POST(BodyPublishers.ofByteArray(big)).build(),
                BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("over 1048576 bytes");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aLargeDeclaredLengthIsRefusedBeforeTheBodyIsSent() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutOffAtOneMebibyte() throws Exception {
        InputStream endless = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < 3L * 1024 * 1024 ? 'a' : -1;
            }
        };
        var r = client.send(HttpRequest.newBuilder(uri("/slack/events")).POST(BodyPublishers.ofInputStream(() -> endless))
                .build(), BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(handled).hasValue(0);

        var small = client.send(HttpRequest.newBuilder(uri("/slack/events")).POST(BodyPublishers.ofString("hello"))
                .build(), BodyHandlers.ofString());
        assertThat(small.body()).isEqualTo("got 5");
    }

    @Test
    void aClientThatStopsMidRequestIsHungUpOn() throws Exception {
        long limit = Long.getLong("sun.net.httpserver.maxReqTime", BotHttpServer.REQUEST_SECONDS);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) Duration.ofSeconds(limit + 5).toMillis());
            s.getOutputStream().write("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            long start = System.nanoTime();
            int read = s.getInputStream().read();
            // closed by the server: end of stream (or a reset), within the limit and the timer's tick
            assertThat(read).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(limit + 4));
        } catch (SocketException reset) {
            // a reset is a hang-up too
        }
        assertThat(handled).hasValue(0);
    }
}
