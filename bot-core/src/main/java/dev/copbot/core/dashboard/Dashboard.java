package dev.copbot.core.dashboard;

import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.reply.Reply;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cop dashboard}: a private one-time link to the web dashboard under the bot's public address, and the end of
 * every session of someone who leaves the workspace (or of everyone, when the bot is removed from it).
 */
public final class Dashboard implements Feature {
    public static final String SIGN_IN_PATH = "/dashboard/sign-in/";
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    private final WebSessions sessions;
    private final Optional<String> publicUrl;

    public Dashboard(WebSessions sessions, Optional<String> publicUrl) {
        this.sessions = sessions;
        this.publicUrl = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    public WebSessions sessions() {
        return sessions;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("dashboard")
                .summary("A private link (10 minutes, once) that signs you in to the web dashboard.")
                .example("/cop dashboard").handler(this::link));
        registry.on(Inbound.MemberLeftWorkspace.class, left -> {
            int closed = sessions.revokeUser(left.user());
            log.info("{} left the workspace: {} dashboard session(s) closed", left.user(), closed);
        });
        registry.on(Inbound.WorkspaceRemoved.class, removed -> {
            int closed = sessions.revokeWorkspace(removed.platform().idPrefix(removed.scope()));
            log.info("removed from {}: {} dashboard session(s) closed", removed.platform().workspace(removed.scope()), closed);
        });
    }

    private Reply link(CommandContext ctx) {
        String base = publicUrl.orElseThrow(() -> UserError.refused("The dashboard is not reachable yet: the bot does "
                + "not know its public address. An admin sets http.publicUrl in the config (or COPBOT_PUBLIC_URL)."));
        String token = sessions.issueLink(ctx.actor().id(), ctx.actor().displayName(), ctx.admin());
        String url = base + SIGN_IN_PATH + token;
        return Reply.ok("Your sign-in link to the dashboard, for you alone: " + url + "\nIt works once, within "
                        + WebSessions.LINK_VALID.toMinutes() + " minutes; the session it opens lasts "
                        + WebSessions.SESSION_VALID.toHours() + " hours. Ask again for a fresh one.")
                .withData("url", url);
    }
}
