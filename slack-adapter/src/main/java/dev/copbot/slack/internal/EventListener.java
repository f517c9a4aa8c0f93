package dev.copbot.slack.internal;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.ChannelDeletedEvent;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.GroupDeletedEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.Reaction;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.store.Receipts;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API callbacks as core events. Each event is handled once: its {@code event_id} is recorded in the store in
 * the same transaction as the core's handling, so Slack's retries (and a restart between them) never index or
 * answer twice, and a failed handling is retried by Slack's next delivery.
 */
final class EventListener {
    private static final Logger log = LoggerFactory.getLogger(EventListener.class);

    private final Replies replies;
    private final Receipts receipts;
    private final Clock clock;

    EventListener(Replies replies, Receipts receipts, Clock clock) {
        this.replies = replies;
        this.receipts = receipts;
        this.clock = clock;
    }

    void register(App app) {
        on(app, MessageEvent.class, (e, team) -> e.getUser() == null ? null : EventTranslation.posted(e, team));
        on(app, MessageChangedEvent.class, (e, team) -> e.getMessage() == null || e.getMessage().getTs() == null ? null
                : new Inbound.MessageEdited(new MessageId(SlackIds.channel(team, e.getChannel()), e.getMessage().getTs()),
                        e.getMessage().getText(), SlackIds.instant(e.getEventTs(), now())));
        on(app, MessageDeletedEvent.class, (e, team) -> e.getDeletedTs() == null ? null
                : new Inbound.MessageDeleted(new MessageId(SlackIds.channel(team, e.getChannel()), e.getDeletedTs()),
                        SlackIds.instant(e.getEventTs(), now())));
        on(app, ReactionAddedEvent.class, (e, team) -> e.getItem() == null || e.getItem().getTs() == null ? null
                : new Inbound.ReactionAdded(reaction(team, e.getItem().getChannel(), e.getItem().getTs(), e.getUser(),
                        e.getReaction()), SlackIds.instant(e.getEventTs(), now())));
        on(app, ReactionRemovedEvent.class, (e, team) -> e.getItem() == null || e.getItem().getTs() == null ? null
                : new Inbound.ReactionRemoved(reaction(team, e.getItem().getChannel(), e.getItem().getTs(), e.getUser(),
                        e.getReaction()), SlackIds.instant(e.getEventTs(), now())));
        on(app, MemberJoinedChannelEvent.class, (e, team) -> new Inbound.MemberJoinedChannel(
                channel(team, e.getChannel(), e.getChannelType()), SlackIds.user(team, e.getUser()),
                SlackIds.instant(e.getEventTs(), now())));
        on(app, MemberLeftChannelEvent.class, (e, team) -> new Inbound.MemberLeftChannel(
                channel(team, e.getChannel(), e.getChannelType()), SlackIds.user(team, e.getUser()),
                SlackIds.instant(e.getEventTs(), now())));
        on(app, ChannelDeletedEvent.class, (e, team) -> new Inbound.ChannelRemoved(SlackIds.channel(team, e.getChannel()),
                SlackIds.instant(e.getEventTs(), now())));
        on(app, GroupDeletedEvent.class, (e, team) -> new Inbound.ChannelRemoved(SlackIds.channel(team, e.getChannel()),
                SlackIds.instant(e.getEventTs(), now())));
        on(app, AppUninstalledEvent.class, (e, team) -> new Inbound.WorkspaceRemoved(Platform.SLACK, team, now()));
        on(app, TokensRevokedEvent.class, (e, team) -> new Inbound.WorkspaceRemoved(Platform.SLACK, team, now()));
        // A deactivated account has left the workspace: its dashboard sessions must close.
        on(app, UserChangeEvent.class, (e, team) -> e.getUser() == null || !e.getUser().isDeleted() ? null
                : new Inbound.MemberLeftWorkspace(SlackIds.user(team, e.getUser().getId()), now()));
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
    }

    private <E extends Event> void on(App app, Class<E> type, BiFunction<E, String, Inbound> translate) {
        BoltEventHandler<E> handler = (payload, ctx) -> handleOnce(payload, ctx, translate);
        app.event(type, handler);
    }

    private <E extends Event> Response handleOnce(EventsApiPayload<E> payload, EventContext ctx,
                                                  BiFunction<E, String, Inbound> translate) {
        String team = payload.getTeamId();
        Inbound event;
        try {
            event = payload.getEvent() == null || team == null ? null : translate.apply(payload.getEvent(), team);
        } catch (RuntimeException e) {
            // Signed but malformed (a field missing or of the wrong shape): retrying would not help, so not a 500.
            log.warn("malformed Slack event {} refused: {}", payload.getEventId(), e.toString());
            return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                    .body("malformed event: " + e.getClass().getSimpleName()).build();
        }
        if (event == null) {
            return ctx.ack();
        }
        try {
            String id = payload.getEventId() != null ? payload.getEventId()
                    : payload.getEvent().getType() + ":" + payload.getEventTime();
            boolean first = receipts.once("slack:" + team, id, now(), () -> replies.handle(event));
            if (!first) {
                log.debug("event {} already handled (delivery {})", id, ctx.getRetryNum());
            }
        } catch (RuntimeException e) {
            // Not acknowledged: Slack delivers it again, and the receipt was rolled back with the failed handling.
            log.error("handling Slack event {} failed", payload.getEventId(), e);
            return Response.builder().statusCode(500).body("").build();
        }
        return ctx.ack();
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        if (!"home".equals(e.getTab())) {
            return ctx.ack();
        }
        try {
            UserId user = SlackIds.user(payload.getTeamId(), e.getUser());
            replies.port().publishHome(user, replies.bot().home(replies.actor(user, e.getUser())));
        } catch (RuntimeException ex) {
            log.warn("could not publish the App Home of {}: {}", e.getUser(), ex.getMessage());
        }
        return ctx.ack();
    }

    private static Reaction reaction(String team, String channel, String ts, String user, String emoji) {
        return new Reaction(new MessageId(SlackIds.channel(team, channel), ts), SlackIds.user(team, user), emoji);
    }

    private static Channel channel(String team, String channel, String type) {
        return new Channel(SlackIds.channel(team, channel), null, SlackIds.visibility(type));
    }

    private Instant now() {
        return clock.instant();
    }
}
