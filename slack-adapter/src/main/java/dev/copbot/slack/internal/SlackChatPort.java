package dev.copbot.slack.internal;

import static dev.copbot.slack.internal.SlackCalls.await;
import static dev.copbot.slack.internal.SlackCalls.call;
import static dev.copbot.slack.internal.SlackCalls.ok;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.Views;
import dev.copbot.core.platform.Actor;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.ChatPort;
import dev.copbot.core.platform.MessageId;
import dev.copbot.core.platform.Platform;
import dev.copbot.core.platform.PlatformException;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's port to one Slack workspace. Calls go through the SDK's asynchronous client, whose rate limiter queues
 * calls per method and retries a {@code 429} after its {@code Retry-After}; we only wait for the result. Profiles and
 * read access are cached briefly, so a burst of commands costs one lookup. A reply's pictures are uploaded before it is
 * sent ({@link ImageUploads}).
 */
public final class SlackChatPort implements ChatPort {
    private static final Logger log = LoggerFactory.getLogger(SlackChatPort.class);

    private final AsyncMethodsClient client;
    private final String team;
    private final Expiring<String, Actor> profiles;
    private final Expiring<String, Boolean> access;
    private final Expiring<String, String> formChannels;
    private final ImageUploads images;
    /** The workspace's own address from auth.test (https://acme.slack.com/): links built on it open in Slack. */
    private final Optional<String> workspaceUrl;

    public SlackChatPort(AsyncMethodsClient client, String team, Clock clock) {
        this(client, team, Optional.empty(), clock);
    }

    public SlackChatPort(AsyncMethodsClient client, String team, Optional<String> workspaceUrl, Clock clock) {
        this.client = client;
        this.team = team;
        this.workspaceUrl = workspaceUrl.filter(u -> u.startsWith("https://")).map(u -> u.endsWith("/") ? u : u + "/");
        this.profiles = new Expiring<>(Duration.ofMinutes(10), clock, 10_000);
        this.access = new Expiring<>(Duration.ofSeconds(60), clock, 50_000);
        this.formChannels = new Expiring<>(Duration.ofMinutes(1), clock, 1_000);
        this.images = new ImageUploads(client, clock);
    }

    ImageUploads images() {
        return images;
    }

    public String team() {
        return team;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public MessageId post(ChannelId channel, Optional<MessageId> thread, Reply reply) {
        String c = local(channel);
        var r = send("chat.postMessage", reply, blocks -> client.chatPostMessage(q -> q.channel(c)
                .text(BlockKit.fallback(reply)).blocks(blocks).linkNames(false).parse("none").threadTs(thread.map(MessageId::id).orElse(null))));
        return new MessageId(channel, r.getTs());
    }

    @Override
    public void update(MessageId message, Reply reply) {
        String c = local(message.channel());
        send("chat.update", reply, blocks -> client.chatUpdate(q -> q.channel(c).ts(message.id())
                .text(BlockKit.fallback(reply)).blocks(blocks).linkNames(false).parse("none")));
    }

    @Override
    public void postEphemeral(ChannelId channel, UserId user, Reply reply) {
        String c = local(channel);
        String u = local(user);
        send("chat.postEphemeral", reply, blocks -> client.chatPostEphemeral(q -> q.channel(c).user(u)
                .text(BlockKit.fallback(reply)).blocks(blocks).linkNames(false).parse("none")));
    }

    @Override
    public MessageId sendDirect(UserId user, Reply reply) {
        return post(directChannel(user), Optional.empty(), reply);
    }

    /** The direct-message channel between the bot and the user (opened if need be). */
    public ChannelId directChannel(UserId user) {
        String u = local(user);
        var open = call("conversations.open", client.conversationsOpen(q -> q.users(List.of(u))));
        return user.channel(open.getChannel().getId());
    }

    /** Shows the user's App Home tab. */
    public void publishHome(UserId user, Reply reply) {
        String u = local(user);
        send("views.publish", reply, blocks -> client.viewsPublish(q -> q.userId(u)
                .view(Views.view(v -> v.type("home").blocks(blocks)))));
    }

    /** Remembers where a form's trigger came from, so its submission can be answered in that channel. */
    public void rememberFormChannel(String triggerId, ChannelId channel) {
        formChannels.put(triggerId, channel.id());
    }

    @Override
    public void openForm(String interaction, Form form) {
        String channel = formChannels.peek(interaction).orElse(null);
        call("views.open", client.viewsOpen(q -> q.triggerId(interaction).view(Modals.modal(form, channel))));
    }

    @Override
    public Optional<String> permalink(MessageId message) {
        String c = local(message.channel());
        if (workspaceUrl.isPresent()) {
            // Slack's documented archive link on the workspace's domain: no API call for each search hit.
            return Optional.of(workspaceUrl.get() + "archives/" + c + "/p" + message.id().replace(".", ""));
        }
        try {
            return Optional.ofNullable(call("chat.getPermalink",
                    client.chatGetPermalink(q -> q.channel(c).messageTs(message.id()))).getPermalink());
        } catch (PlatformException e) {
            log.debug("no permalink for {}: {}", message, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean mayRead(UserId user, ChannelId channel) {
        if (!channel.sameScope(user) || !team.equals(user.scope())) {
            return false;
        }
        return access.get(user.id() + "@" + channel.id(), k -> Optional.of(lookUpAccess(user.id(), channel.id())))
                .orElse(false);
    }

    /** Public channels are open to every member of the workspace; anything else only to its members. */
    private boolean lookUpAccess(String user, String channel) {
        try {
            Conversation info = call("conversations.info", client.conversationsInfo(q -> q.channel(channel))).getChannel();
            if (info.isChannel() && !info.isPrivate()) {
                return true;
            }
            String cursor = null;
            do {
                String page = cursor;
                var members = call("conversations.members",
                        client.conversationsMembers(q -> q.channel(channel).limit(1000).cursor(page)));
                if (members.getMembers() != null && members.getMembers().contains(user)) {
                    return true;
                }
                cursor = members.getResponseMetadata() == null ? null : members.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isEmpty());
            return false;
        } catch (PlatformException e) {
            log.info("treating {} as unreadable for {}: {}", channel, user, e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<Actor> describe(UserId user) {
        if (user.platform() != Platform.SLACK || !team.equals(user.scope())) {
            return Optional.empty();
        }
        return profiles.get(user.id(), id -> {
            try {
                User u = call("users.info", client.usersInfo(q -> q.user(id))).getUser();
                return Optional.of(new Actor(user, displayName(u), zone(u.getTz()),
                        u.isAdmin() || u.isOwner() || u.isPrimaryOwner()));
            } catch (PlatformException e) {
                log.info("no profile for {}: {}", user, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static String displayName(User u) {
        if (u.getProfile() != null && u.getProfile().getDisplayName() != null && !u.getProfile().getDisplayName().isBlank()) {
            return u.getProfile().getDisplayName();
        }
        return u.getRealName() != null && !u.getRealName().isBlank() ? u.getRealName() : u.getName();
    }

    private static Optional<ZoneId> zone(String tz) {
        try {
            return tz == null || tz.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private String local(ChannelId channel) {
        if (channel.platform() != Platform.SLACK || !team.equals(channel.scope())) {
            throw new PlatformException(channel + " is not a channel of this Slack workspace (" + team + ")");
        }
        return channel.id();
    }

    private String local(UserId user) {
        if (user.platform() != Platform.SLACK || !team.equals(user.scope())) {
            throw new PlatformException(user + " is not a member of this Slack workspace (" + team + ")");
        }
        return user.id();
    }

    /** Sends a reply's blocks, its pictures uploaded first; see {@link ImageUploads#send}. */
    private <T extends SlackApiTextResponse> T send(String method, Reply reply,
                                                    Function<List<LayoutBlock>, CompletableFuture<T>> request) {
        return ok(method, images.send(reply, blocks -> await(method, request.apply(blocks)),
                r -> "invalid_blocks".equals(r.getError())));
    }
}
