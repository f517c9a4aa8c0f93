package dev.copbot.core.community;

import dev.copbot.core.command.UserError;
import dev.copbot.core.people.UserDirectory;
import dev.copbot.core.platform.Inbound.FormSubmitted;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charter as a form (a Slack or Discord modal), filled in with the current text: what {@code community charter
 * <name>} opens on a platform, and what the yearly review's "Edit the charter" button leads to. An emptied field is
 * cleared.
 */
public record CharterForm(CommunityStore store, UserDirectory users, Clock clock) {
    public static final String ID = "community.charter";

    public static Form of(Community c) {
        List<Form.Input> inputs = new ArrayList<>();
        for (CharterField f : CharterField.values()) {
            inputs.add(new Form.Input(f.option(), f.label(), hint(f), c.charter(f).orElse(""), f != CharterField.CADENCE,
                    false, CharterField.MAX_LENGTH));
        }
        return new Form(ID, "Charter of " + c.name(), "Save", inputs, c.name());
    }

    /** Saves a submitted form, with the same rules as the command: leaders and admins, live communities only. */
    public Reply submit(FormSubmitted form, boolean admin) {
        Community c = store.find(form.context()).orElseThrow(() -> UserError.refused("That community no longer exists."));
        if (c.archived()) {
            throw UserError.refused(c.name() + " is archived; its charter takes no changes.");
        }
        Leaders.require(store, users, c, form.actor().id(), admin, "set its charter");
        Map<CharterField, String> values = new EnumMap<>(CharterField.class);
        Map<String, String> tooLong = new LinkedHashMap<>();
        for (CharterField f : CharterField.values()) {
            String v = form.values().getOrDefault(f.option(), "").strip();
            if (v.length() > CharterField.MAX_LENGTH) {
                tooLong.put(f.option(), "Keep it under " + CharterField.MAX_LENGTH + " characters (it has " + v.length() + ").");
            }
            values.put(f, v.isEmpty() ? null : v);
        }
        if (!tooLong.isEmpty()) {
            return Reply.error("Some fields are too long.").withData(Reply.FIELD_ERRORS, tooLong);
        }
        store.database().transaction(() -> store.setCharter(c.name(), values, clock.instant()));
        return Reply.ok("Saved the charter of " + c.name() + ".").withCommand("community charter");
    }

    private static String hint(CharterField f) {
        return switch (f) {
            case PURPOSE -> "What the community is for";
            case SCOPE -> "What is in and out of scope";
            case CADENCE -> "Every other Thursday, 12:00";
            case ASK -> "Post in #channel, tag @leaders for urgent ones";
        };
    }
}
