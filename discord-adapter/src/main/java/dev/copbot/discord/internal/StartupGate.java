package dev.copbot.discord.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;

/** Waits until every shard is ready, or turns the gateway's refusal into a message that says what to do. */
public final class StartupGate implements EventListener {
    private final AtomicInteger ready = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile IntSupplier shardsTotal = () -> 1;

    public void expect(IntSupplier total) {
        this.shardsTotal = total;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof ReadyEvent && ready.incrementAndGet() >= shardsTotal.getAsInt()) {
            done.complete(null);
        } else if (event instanceof ShutdownEvent shutdown && !done.isDone()) {
            done.completeExceptionally(new IllegalStateException(refusal(shutdown.getCloseCode(), shutdown.getCode())));
        }
    }

    public void await(long timeoutSeconds) throws InterruptedException {
        try {
            done.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (IllegalStateException) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Discord's gateway did not get ready within " + timeoutSeconds
                    + " s. Check the network, or DISCORD_GATEWAY_URL if it is set.");
        }
    }

    static String refusal(CloseCode code, int raw) {
        if (code == CloseCode.DISALLOWED_INTENTS) {
            return "Discord refused the privileged gateway intents this bot needs (close code 4014). In the developer "
                    + "portal (discord.com/developers/applications → your app → Bot → Privileged Gateway Intents) "
                    + "turn on MESSAGE CONTENT INTENT and SERVER MEMBERS INTENT, save, and start the bot again.";
        }
        if (code == CloseCode.AUTHENTICATION_FAILED) {
            return "Discord rejected DISCORD_TOKEN (close code 4004). Copy the bot token again from the developer "
                    + "portal (your app → Bot → Reset Token).";
        }
        return "Discord closed the gateway connection (close code " + raw + (code == null ? "" : ": " + code.getMeaning())
                + ") before the bot was ready.";
    }
}
