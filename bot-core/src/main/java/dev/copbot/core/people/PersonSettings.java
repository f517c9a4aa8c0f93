package dev.copbot.core.people;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.ZoneArgument;
import dev.copbot.core.reply.Reply;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code /cop settings tz [zone|off]}: the zone every time is shown in to this person. Slack reports one (users.info)
 * and Discord shows timestamps in the reader's own zone; the console and imported people have none, and people
 * travel, so a chosen zone wins over the platform's.
 */
public final class PersonSettings implements Feature {
    private final UserDirectory users;

    public PersonSettings(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("settings tz").param(optional("zone")).access(Access.MEMBER)
                .summary("Show times to me in this zone (off: the zone my platform reports, else UTC).")
                .example("/cop settings tz Europe/Paris").example("/cop settings tz off").handler(this::tz));
    }

    private Reply tz(CommandContext ctx) {
        Optional<String> typed = ctx.optionalArg(0);
        if (typed.isEmpty()) {
            Optional<ZoneId> chosen = users.chosenZone(ctx.actor().id());
            String zone = ctx.actor().zone().map(ZoneId::getId).orElse("UTC");
            return Reply.ok("Times are shown to you in " + zone + (chosen.isPresent() ? ", the zone you chose."
                    : ". Choose another with /cop settings tz Europe/Paris.")).withData("zone", zone)
                    .withData("chosen", chosen.isPresent());
        }
        if (typed.get().equalsIgnoreCase("off")) {
            users.choose(ctx.actor().id(), Optional.empty());
            return Reply.ok("Times are shown to you in the zone your platform reports again (UTC when it reports none).")
                    .withData("zone", null).withData("chosen", false);
        }
        ZoneId zone = ZoneArgument.parse(typed.get());
        users.choose(ctx.actor().id(), Optional.of(zone));
        return Reply.ok("Times are shown to you in " + zone.getId() + " from now on: events, reminders and digests.")
                .withData("zone", zone.getId()).withData("chosen", true);
    }
}
