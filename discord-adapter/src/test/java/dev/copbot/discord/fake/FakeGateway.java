package dev.copbot.discord.fake;

import static dev.copbot.discord.fake.FakeDiscord.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The server side of Discord's gateway: HELLO on connect; IDENTIFY answered with READY and GUILD_CREATE; heartbeats
 * acknowledged; then whatever dispatches the test sends. Opcodes the client sends are kept for assertions.
 */
public final class FakeGateway {
    private final FakeDiscord discord;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile WebSocket current;
    private volatile int seq;
    /** When set, IDENTIFY is refused with this close code (4014: disallowed intents). */
    private volatile int refuseIdentifyWith;

    FakeGateway(FakeDiscord discord) {
        this.discord = discord;
    }

    WebSocketListener newSession() {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                current = socket;
                seq = 0;
                socket.send(JSON.createObjectNode().put("op", 10).putNull("s").putNull("t")
                        .set("d", JSON.createObjectNode().put("heartbeat_interval", 45_000)).toString());
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
                JsonNode frame;
                try {
                    frame = JSON.readTree(text);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                received.add(frame);
                switch (frame.get("op").asInt()) {
                    case 1 -> socket.send("{\"op\":11,\"d\":null}");
                    case 2 -> identify(socket, frame.get("d"));
                    default -> { }
                }
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
                socket.close(1000, null);
            }
        };
    }

    private void identify(WebSocket socket, JsonNode identify) {
        if (refuseIdentifyWith != 0) {
            socket.close(refuseIdentifyWith, "Disallowed intent(s).");
            return;
        }
        int n = sessions.incrementAndGet();
        ObjectNode ready = JSON.createObjectNode().put("v", 10).put("session_id", "session-" + n)
                .put("resume_gateway_url", discord.gatewayUrl());
        ready.set("user", Payloads.user(FakeDiscord.APP, "copbot", true));
        ready.putArray("guilds").add(JSON.createObjectNode().put("id", FakeDiscord.GUILD).put("unavailable", true));
        ready.set("application", JSON.createObjectNode().put("id", FakeDiscord.APP).put("flags", 0));
        ready.putArray("private_channels");
        send(socket, "READY", ready);
        send(socket, "GUILD_CREATE", Payloads.guild());
    }

    public void refuseIdentify(int closeCode) {
        refuseIdentifyWith = closeCode;
    }

    /** How many sessions were identified (READY sent). */
    public int sessions() {
        return sessions.get();
    }

    public void dispatch(String type, JsonNode data) {
        WebSocket socket = current;
        if (socket == null) {
            throw new IllegalStateException("no gateway connection");
        }
        send(socket, type, data);
    }

    /** Opcode 9 with d=false: the session cannot be resumed; the client must identify anew. */
    public void invalidateSession() {
        current.send("{\"op\":9,\"d\":false}");
    }

    /** The next frame the client sent with this opcode (2 IDENTIFY, 6 RESUME), waiting up to 15 s. */
    public JsonNode awaitOp(int op) throws InterruptedException {
        // Generous: a client started as a separate JVM (the jar tests) may take long to boot on a loaded machine.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.get("op").asInt() == op) {
                return frame;
            }
        }
        throw new AssertionError("the client sent no opcode " + op + " within 60 s");
    }

    private synchronized void send(WebSocket socket, String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++seq);
        frame.set("d", data);
        socket.send(frame.toString());
    }

    void closeAll() {
        WebSocket socket = current;
        if (socket != null) {
            socket.close(1000, "fake Discord closing");
        }
    }
}
