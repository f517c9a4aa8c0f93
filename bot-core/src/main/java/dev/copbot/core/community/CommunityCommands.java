package dev.copbot.core.community;

import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.ChannelArgument;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.people.Mentions;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Channel;
import dev.copbot.core.platform.Inbound;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** {@code communities}, {@code community create|info|charter|role|archive}, {@code join}, {@code leave}. */
public final class CommunityCommands implements Feature {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final CommunityStore store;
    private final UserDirectory users;
    private final Mentions mentions;
    private final BiConsumer<String, UserId> onJoin;
    private final Privacy privacy;
    private final InfoDetails details;

    /**
     * {@code joined} hears of each new member after the join is stored (to send the welcome); {@code privacy} keeps
     * hidden communities and private channel names out of the list and out of reach of {@code join}; {@code details}
     * adds what other features know to {@code community info}.
     */
    public CommunityCommands(CommunityStore store, UserDirectory users, Privacy privacy,
                             BiConsumer<String, UserId> joined, InfoDetails details) {
        this.store = store;
        this.privacy = privacy;
        this.users = users;
        this.mentions = new Mentions(users);
        this.onJoin = joined;
        this.details = details;
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("communities").summary("List the communities: purpose, members, channels.")
                .example("/cop communities").handler(this::list));
        registry.command(command("community create").param(required("name"))
                .option("purpose", "\"…\"").option("channel", "#channel").access(Access.ADMIN)
                .summary("Create a community; you become its first leader.")
                .example("/cop community create data-science purpose:\"Models, notebooks, pipelines\" channel:#data-science")
                .handler(this::create));
        registry.command(command("community info").param(required("name"))
                .summary("A community at a glance: charter, leaders, members, channels, experts, next event, health.")
                .example("/cop community info data-science").handler(this::info));
        registry.command(command("community charter").param(required("name"))
                .option("purpose", "\"…\"").option("scope", "\"…\"").option("cadence", "\"…\"").option("ask", "\"…\"")
                .access(Access.LEADER).summary("Set the charter: purpose, scope, meeting cadence, how to ask.")
                .example("/cop community charter data-science cadence:\"Every other Thursday, 12:00\" ask:\"Post in #data-science\"")
                .handler(this::charter));
        registry.command(command("community role").param(required("name")).param(required("@user"))
                .param(required("role")).access(Access.LEADER)
                .summary("Grant a role (leader, sponsor, expert, support); -role revokes it.")
                .example("/cop community role data-science @bob expert")
                .example("/cop community role data-science @bob -expert").handler(this::role));
        registry.command(command("community archive").param(required("name")).access(Access.ADMIN)
                .summary("Retire a community; its history stays searchable.")
                .example("/cop community archive old-guild").handler(this::archive));
        registry.command(command("join").param(required("name")).access(Access.MEMBER)
                .summary("Join a community.").example("/cop join data-science").handler(this::join));
        registry.command(command("leave").param(required("name")).access(Access.MEMBER)
                .summary("Leave a community.").example("/cop leave data-science").handler(this::leave));
        // Joining a community's channel is joining the community.
        registry.on(Inbound.MemberJoinedChannel.class, j -> store.communitiesOfChannel(j.channel().id()).forEach(name -> {
            if (store.join(name, j.user(), j.at())) {
                onJoin.accept(name, j.user());
            }
        }));
    }

    private Reply list(CommandContext ctx) {
        UserId reader = ctx.actor().id();
        List<Community> all = privacy.visible(reader, false);
        if (all.isEmpty()) {
            return Reply.ok("There are no communities yet. An admin can start one: "
                    + "/cop community create <name> purpose:\"…\"").withData("communities", List.of());
        }
        List<Map<String, Object>> data = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Community c : all) {
            long members = store.memberCount(c.name());
            // Private channels only by name to those who may read them.
            List<String> channels = privacy.channels(reader, c.name()).stream().map(ch -> "#" + ch.name()).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.name());
            row.put("purpose", c.purpose().orElse(null));
            row.put("members", members);
            row.put("channels", channels);
            data.add(row);
            blocks.add(new Block.Section(c.name(), c.purpose().orElse("(no purpose set yet)"), List.of(
                    new Field("Members", Long.toString(members)), new Field("Channels", String.join(", ", channels)))));
        }
        return Reply.ok(all.size() + (all.size() == 1 ? " community." : " communities.") + " Join one with /cop join <name>.")
                .withBlocks(blocks).withData("communities", data);
    }

    private Reply create(CommandContext ctx) {
        String name = validName(ctx.arg(0));
        Optional<String> purpose = ctx.option("purpose").map(p -> charterValue(CharterField.PURPOSE, p));
        Optional<Channel> channel = ctx.option("channel").map(c -> ChannelArgument.parse(ctx.actor().id(), c, "channel:#data-science"));
        Optional<Community> existing = store.find(name);
        if (existing.isPresent()) {
            throw UserError.refused("A community named '" + name + "' already exists"
                    + (existing.get().archived() ? " (archived)." : ". See /cop community info " + name + "."));
        }
        UserId creator = ctx.actor().id();
        Instant now = ctx.clock().instant();
        store.database().transaction(() -> {
            store.create(name, purpose, creator, now);
            store.grant(name, creator, Role.LEADER, creator, now);
            channel.ifPresent(ch -> store.addChannel(name, ch, now));
        });
        return Reply.ok("Created the community '" + name + "'. You are its first leader (join it too if you take part). "
                + "Next: set its charter with "
                + "/cop community charter " + name + " scope:\"…\" cadence:\"…\" ask:\"…\"")
                .withData("community", describe(store.find(name).orElseThrow()));
    }

    private Reply info(CommandContext ctx) {
        UserId viewer = ctx.actor().id();
        Community c = privacy.named(viewer, ctx.arg(0)); // a hidden community answers like a missing one
        Map<String, Object> data = describeFor(viewer, c);
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) data.get("channels");
        List<Field> fields = new ArrayList<>();
        for (CharterField f : CharterField.values()) {
            fields.add(new Field(f.label(), charter(c, f).orElse("")));
        }
        @SuppressWarnings("unchecked")
        List<String> leaders = (List<String>) data.get("leaders");
        fields.add(new Field("Leaders", String.join(", ", leaders)));
        fields.add(new Field("Channels", String.join(", ", channels.stream().map(ch -> "#" + ch).toList())));
        fields.add(new Field("Members", data.get("members").toString()));
        details.add(c, viewer, fields, data);
        String text = c.name() + (c.archived() ? " (archived)" : "") + ": " + c.purpose().orElse("no purpose set yet");
        return Reply.ok(text).with(new Block.Section("Charter of " + c.name(), "", fields)).withData("community", data);
    }

    private Reply charter(CommandContext ctx) {
        Community c = live(ctx.arg(0));
        Leaders.require(store, users, c, ctx.actor().id(), ctx.admin(), "set the charter of it");
        Map<CharterField, String> values = new EnumMap<>(CharterField.class);
        for (CharterField f : CharterField.values()) {
            ctx.option(f.option()).ifPresent(v -> values.put(f, charterValue(f, v)));
        }
        if (values.isEmpty() && ctx.interaction().isPresent()) {
            return Reply.ok("Edit the charter of " + c.name() + " in the form.").withForm(CharterForm.of(c));
        }
        if (values.isEmpty()) {
            throw new UserError("Say which charter fields to set: purpose:, scope:, cadence: or ask:.");
        }
        store.database().transaction(() -> store.setCharter(c.name(), values, ctx.clock().instant()));
        return Reply.ok("Updated the charter of " + c.name() + ": "
                        + String.join(", ", values.keySet().stream().map(CharterField::option).toList()) + ".")
                .withData("community", describe(store.find(c.name()).orElseThrow()));
    }

    private Reply role(CommandContext ctx) {
        Community c = live(ctx.arg(0));
        Leaders.require(store, users, c, ctx.actor().id(), ctx.admin(), "grant roles in it");
        UserId who = mentions.resolve(ctx.actor().id(), ctx.arg(1));
        String typed = ctx.arg(2).toLowerCase(Locale.ROOT);
        boolean revoke = typed.startsWith("-");
        String roleName = revoke ? typed.substring(1) : typed;
        Role role = Role.labels().contains(roleName) ? Role.valueOf(roleName.toUpperCase(Locale.ROOT)) : null;
        if (role == null) {
            throw new UserError("'" + ctx.arg(2) + "' is not a role. Roles: " + String.join(", ", Role.labels())
                    + " (put - in front to revoke)." + Suggestions.didYouMean(roleName, Role.labels()));
        }
        String name = users.displayName(who);
        Instant now = ctx.clock().instant();
        if (revoke) {
            if (role == Role.LEADER && store.hasRole(c.name(), who, Role.LEADER)
                    && store.withRole(c.name(), Role.LEADER).size() == 1) {
                throw UserError.refused(name + " is the only leader of " + c.name()
                        + ". Make someone else leader first, so the community is never without one.");
            }
            boolean had = store.database().transaction(c2 -> store.revoke(c.name(), who, role));
            if (!had) {
                throw UserError.refused(name + " is not " + article(role) + " of " + c.name() + "; nothing to revoke.");
            }
            return Reply.ok(name + " is no longer " + article(role) + " of " + c.name() + ".");
        }
        boolean isNew = store.database().transaction(c2 -> store.grant(c.name(), who, role, ctx.actor().id(), now));
        if (!isNew) {
            throw UserError.refused(name + " is already " + article(role) + " of " + c.name() + ".");
        }
        return Reply.ok(name + " is now " + article(role) + " of " + c.name() + ".");
    }

    private Reply archive(CommandContext ctx) {
        Community c = existing(ctx.arg(0));
        if (c.archived()) {
            throw UserError.refused(c.name() + " is already archived.");
        }
        store.database().transaction(() -> store.archive(c.name(), ctx.clock().instant()));
        return Reply.ok("Archived " + c.name() + ". It no longer takes members or appears in /cop communities; "
                + "its history stays searchable.");
    }

    private Reply join(CommandContext ctx) {
        // A community hidden from the person does not exist for them: joining it would hand them its charter.
        Community c = privacy.named(ctx.actor().id(), ctx.arg(0));
        if (c.archived()) {
            throw UserError.refused(c.name() + " is archived; it takes no changes. Its history stays searchable.");
        }
        boolean joined = store.database().transaction(conn -> store.join(c.name(), ctx.actor().id(), ctx.clock().instant()));
        if (!joined) {
            throw UserError.refused("You are already a member of " + c.name() + ".");
        }
        onJoin.accept(c.name(), ctx.actor().id());
        String charter = charter(c, CharterField.PURPOSE).map(p -> " Purpose: " + p).orElse("")
                + charter(c, CharterField.ASK).map(a -> " How to ask: " + a).orElse("");
        return Reply.ok("Welcome to " + c.name() + "!" + charter + " I sent you a welcome message with the charter, "
                        + "the leaders, the next events and the best threads to start with. See /cop community info "
                        + c.name() + ".")
                .withData("community", describeFor(ctx.actor().id(), c));
    }

    private Reply leave(CommandContext ctx) {
        Community c = existing(ctx.arg(0));
        UserId me = ctx.actor().id();
        if (!store.isMember(c.name(), me)) {
            throw UserError.refused("You are not a member of " + c.name() + ", so there is nothing to leave.");
        }
        store.database().transaction(conn -> store.leave(c.name(), me));
        String roles = store.roles(c.name()).entrySet().stream().filter(e -> e.getValue().contains(me))
                .map(e -> e.getKey().label()).reduce((a, b) -> a + ", " + b).map(r -> " You keep your role (" + r
                        + ") until a leader revokes it.").orElse("");
        return Reply.ok("You left " + c.name() + "." + roles);
    }

    // --- shared checks -------------------------------------------------------------------------------------------

    private Community existing(String typed) {
        return CommunityChannels.named(store, typed);
    }

    private Community live(String typed) {
        Community c = existing(typed);
        if (c.archived()) {
            throw UserError.refused(c.name() + " is archived; it takes no changes. Its history stays searchable.");
        }
        return c;
    }

    static String validName(String typed) {
        String name = typed.toLowerCase(Locale.ROOT);
        if (NAME.matcher(name).matches()) {
            return name;
        }
        String slug = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String hint = NAME.matcher(slug).matches() ? " Try '" + slug + "'." : "";
        throw new UserError("'" + typed + "' is not a valid community name: use 2 to 40 lower-case letters, digits "
                + "and hyphens, starting with a letter or digit." + hint);
    }

    private static String charterValue(CharterField field, String value) {
        String v = value.strip();
        if (v.length() > CharterField.MAX_LENGTH) {
            throw new UserError("The " + field.option() + " is " + v.length() + " characters long; keep it under "
                    + CharterField.MAX_LENGTH + ".");
        }
        return v;
    }

    private static Optional<String> charter(Community c, CharterField f) {
        return c.charter(f);
    }

    /** {@link #describe} with only the channels {@code reader} may see by name. */
    private Map<String, Object> describeFor(UserId reader, Community c) {
        Map<String, Object> out = describe(c);
        out.put("channels", privacy.channels(reader, c.name()).stream().map(Channel::name).toList());
        return out;
    }

    private Map<String, Object> describe(Community c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        for (CharterField f : CharterField.values()) {
            out.put(f.option(), charter(c, f).orElse(null));
        }
        out.put("leaders", store.withRole(c.name(), Role.LEADER).stream().map(users::displayName).toList());
        Map<String, List<String>> roles = new LinkedHashMap<>();
        store.roles(c.name()).forEach((role, ids) -> roles.put(role.label(), ids.stream().map(UserId::toString).toList()));
        out.put("roles", roles);
        out.put("channels", store.channels(c.name()).stream().map(Channel::name).toList());
        out.put("members", store.memberCount(c.name()));
        out.put("archived", c.archived());
        return out;
    }

    private static String article(Role role) {
        return (role == Role.EXPERT ? "an " : "a ") + role.label();
    }
}
