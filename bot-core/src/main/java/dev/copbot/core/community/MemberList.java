package dev.copbot.core.community;

import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.reply.Reply;
import java.util.List;

/** {@code community members <name>}: who is in a community, for its leaders. CONTRIBUTING.md's worked example. */
public record MemberList(CommunityStore store, Privacy privacy, UserDirectory users) implements Feature {

    @Override
    public void register(Registry registry) {
        registry.command(command("community members").param(required("name")).access(Access.LEADER)
                .summary("List the members of a community.")
                .example("/cop community members data-science").handler(this::members));
    }

    private Reply members(CommandContext ctx) {
        Community c = privacy.named(ctx.actor().id(), ctx.arg(0)); // hidden and missing answer alike
        Leaders.require(store, users, c, ctx.actor().id(), ctx.admin(), "list its members");
        List<String> names = store.members(c.name()).stream().map(users::displayName).toList();
        return Reply.ok(names.isEmpty() ? c.name() + " has no members yet." : String.join(", ", names))
                .withData("members", names);
    }
}
