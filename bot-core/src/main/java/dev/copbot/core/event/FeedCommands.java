package dev.copbot.core.event;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.UserError;
import dev.copbot.core.community.Community;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code event feed [reset] [community]}: the address of a community's calendar feed, in a reply only the asker sees.
 * A public community has one public feed; a private one (a channel that is not public) gives each person who may see
 * it a secret address of their own, shown once; {@code reset} revokes it and gives a new one.
 */
final class FeedCommands {
    private final Events events;

    FeedCommands(Events events) {
        this.events = events;
    }

    void register(Registry registry) {
        registry.command(command("event feed").param(optional("reset")).param(optional("community")).access(Access.MEMBER)
                .summary("Your calendar feed of a community's events (a secret address of your own for a private "
                        + "community); reset revokes yours and gives a new one.")
                .example("/cop event feed kafka").example("/cop event feed reset kafka").handler(this::feed));
    }

    private Reply feed(CommandContext ctx) {
        List<String> args = ctx.argsFrom(0);
        boolean reset = args.stream().anyMatch(a -> a.equalsIgnoreCase("reset"));
        List<String> named = args.stream().filter(a -> !a.equalsIgnoreCase("reset")).toList();
        if (named.size() > 1) {
            throw new UserError("Name one community, e.g. /cop event feed kafka.");
        }
        UserId me = ctx.actor().id();
        Community c = named.isEmpty() ? events.community(Optional.empty(), ctx.actor(), ctx.admin(), ctx.channel())
                : events.privacy().named(me, named.get(0));
        String name = c.name();
        if (!events.privacy().isPrivate(name)) {
            String url = address(name + ".ics");
            return Reply.ok("The calendar of " + name + " is public" + (reset ? ", so there is no address of yours to reset" : "")
                            + ". Subscribe to it in your calendar app: " + url + hint())
                    .withData("community", name).withData("private", false).withData("url", url);
        }
        Instant now = ctx.clock().instant();
        Optional<Instant> issued = events.feedTokens().issued(name, me);
        if (issued.isPresent() && !reset) {
            return Reply.ok("You already have a feed address for " + name + " (given on "
                            + issued.get().atZone(ZoneOffset.UTC).toLocalDate() + "). I keep only a fingerprint of it, so "
                            + "I cannot show it again: /cop event feed reset " + name + " revokes it and gives you a new one.")
                    .withData("community", name).withData("private", true);
        }
        String token = events.communities().database().transaction(conn -> events.feedTokens().issue(name, me, now));
        String url = address(name + "/" + token + ".ics");
        return Reply.ok((reset && issued.isPresent() ? "Revoked your old feed address of " + name
                        + ": calendars subscribed to it stop updating. " : "")
                        + "Your own calendar feed of " + name + " (a private community): " + url
                        + " — keep it to yourself; anyone with it sees the events. It stops working if you leave the "
                        + "community's channels, and /cop event feed reset " + name + " replaces it." + hint())
                .withData("community", name).withData("private", true).withData("url", url);
    }

    private String address(String path) {
        return events.publicUrl().orElse("") + "/calendar/" + path;
    }

    private String hint() {
        return events.publicUrl().isPresent() ? "" : " (on the bot's HTTP server; an admin sets its address as http.publicUrl)";
    }
}
