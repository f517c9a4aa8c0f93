package dev.copbot.core.expertise;

import static dev.copbot.core.command.CommandSpec.Param.optional;
import static dev.copbot.core.command.CommandSpec.Param.repeated;
import static dev.copbot.core.command.CommandSpec.Param.required;
import static dev.copbot.core.command.CommandSpec.command;

import dev.copbot.core.command.Access;
import dev.copbot.core.command.CommandContext;
import dev.copbot.core.command.Feature;
import dev.copbot.core.command.Registry;
import dev.copbot.core.command.Suggestions;
import dev.copbot.core.command.UserError;
import dev.copbot.core.people.Mentions;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.UserId;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code skills add|remove|list}: what people say they know, one of the signals the expert ranking uses. */
public final class SkillCommands implements Feature {
    public static final int MAX_SKILLS = 30;
    private static final int MAX_LENGTH = 40;
    private static final Pattern SKILL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .+#/_-]*");

    private final SkillStore store;
    private final UserDirectory users;
    private final Mentions mentions;

    public SkillCommands(SkillStore store, UserDirectory users) {
        this.store = store;
        this.users = users;
        this.mentions = new Mentions(users);
    }

    @Override
    public void register(Registry registry) {
        registry.command(command("skills add").param(repeated("skill")).access(Access.MEMBER)
                .summary("Declare skills (quote ones with spaces).")
                .example("/cop skills add kafka java \"stream processing\"").handler(this::add));
        registry.command(command("skills remove").param(required("skill")).access(Access.MEMBER)
                .summary("Remove one of your declared skills.").example("/cop skills remove java").handler(this::remove));
        registry.command(command("skills list").param(optional("@user")).access(Access.MEMBER)
                .summary("Your declared skills, or someone else's.").example("/cop skills list @bob").handler(this::list));
    }

    private Reply add(CommandContext ctx) {
        UserId me = ctx.actor().id();
        Set<String> wanted = new LinkedHashSet<>();
        for (String typed : ctx.argsFrom(0)) {
            for (String part : typed.split(",")) {
                if (!part.isBlank()) {
                    wanted.add(normalize(part));
                }
            }
        }
        if (wanted.isEmpty()) {
            throw new UserError("Name at least one skill.");
        }
        List<String> current = store.of(me);
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String skill : wanted) {
            (current.contains(skill) ? already : added).add(skill);
        }
        if (current.size() + added.size() > MAX_SKILLS) {
            throw UserError.refused("You would have " + (current.size() + added.size()) + " skills; the limit is "
                    + MAX_SKILLS + ". Remove some first with /cop skills remove <skill>.");
        }
        if (added.isEmpty()) {
            throw UserError.refused("You already list " + String.join(", ", already) + "; nothing changed.");
        }
        store.database().transaction(() -> added.forEach(s -> store.add(me, s, ctx.clock().instant())));
        List<String> now = store.of(me);
        String note = already.isEmpty() ? "" : " (already listed: " + String.join(", ", already) + ")";
        return Reply.ok("Added " + String.join(", ", added) + note + ". Your skills: " + String.join(", ", now) + ".")
                .withData("user", me.toString()).withData("skills", now);
    }

    private Reply remove(CommandContext ctx) {
        UserId me = ctx.actor().id();
        String skill = normalize(ctx.arg(0));
        boolean removed = store.database().transaction(c -> store.remove(me, skill));
        if (!removed) {
            List<String> mine = store.of(me);
            throw UserError.refused("You don't list '" + skill + "'." + Suggestions.didYouMean(skill, mine)
                    + (mine.isEmpty() ? " You have no declared skills." : " Your skills: " + String.join(", ", mine) + "."));
        }
        List<String> now = store.of(me);
        return Reply.ok("Removed " + skill + "." + (now.isEmpty() ? " You have no declared skills now."
                : " Your skills: " + String.join(", ", now) + ".")).withData("user", me.toString()).withData("skills", now);
    }

    private Reply list(CommandContext ctx) {
        UserId who = ctx.optionalArg(0).map(t -> mentions.resolve(ctx.actor().id(), t)).orElse(ctx.actor().id());
        boolean me = who.equals(ctx.actor().id());
        List<String> skills = store.of(who);
        String name = me ? "You" : users.displayName(who);
        String text = skills.isEmpty()
                ? name + (me ? " have" : " has") + " no declared skills." + (me ? " Add some: /cop skills add kafka java" : "")
                : name + (me ? " list: " : " lists: ") + String.join(", ", skills) + ".";
        return Reply.ok(text).withData("user", who.toString()).withData("skills", skills);
    }

    static String normalize(String typed) {
        String s = typed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (s.startsWith("#") && s.length() > 1 && !s.equals("#")) {
            s = s.substring(1);
        }
        if (s.length() > MAX_LENGTH) {
            throw new UserError("'" + typed.strip() + "' is too long for a skill; keep it under " + MAX_LENGTH + " characters.");
        }
        if (!SKILL.matcher(s).matches()) {
            throw new UserError("'" + typed.strip() + "' is not a skill I can store: use letters, digits, spaces and "
                    + ". + # / _ -, e.g. kafka, c++, \"machine learning\".");
        }
        return s;
    }
}
