package dev.copbot.core.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a command (or button, or form) answers, platform-neutral. {@code text} is the whole answer as plain text (the
 * notification fallback, and all the console shows); {@code blocks} the rich version; {@code data} the structured
 * fields scripts read from {@code copbot console --json} ({@code results}, {@code experts}, {@code event}, …).
 * Replies are ephemeral (only the asker sees them) unless a command posts to the channel by nature.
 */
public record Reply(boolean ok, boolean ephemeral, String command, String text, List<Block> blocks,
                    Optional<Form> form, Map<String, Object> data) {

    /**
     * The {@code data} key of a refused form submission's per-input errors: a {@code Map<String, String>} from input id
     * to message. Adapters show them next to the inputs (Slack {@code response_action: errors}) and keep the form open.
     */
    public static final String FIELD_ERRORS = "fieldErrors";

    public Reply {
        command = command == null ? "" : command;
        text = text == null ? "" : text;
        blocks = List.copyOf(blocks);
        form = form == null ? Optional.empty() : form;
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Reply ok(String text) {
        return new Reply(true, true, "", text, List.of(), Optional.empty(), Map.of());
    }

    /** A refusal: what was wrong, and how to write it instead. Nothing was changed. */
    public static Reply error(String reason, String usage) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error", reason);
        StringBuilder text = new StringBuilder(reason);
        if (usage != null && !usage.isBlank()) {
            text.append("\nUsage: ").append(usage);
            data.put("usage", usage);
        }
        return new Reply(false, true, "", text.toString(), List.of(), Optional.empty(), data);
    }

    public static Reply error(String reason) {
        return error(reason, null);
    }

    /** How every answer to a failure of ours (not the user's) starts: what /metrics counts as "failed". */
    public static final String OUR_FAULT = "Something went wrong on our side";

    /**
     * The answer to our own failure {@code during} something (may be empty): a reference to quote, never a stack
     * trace.
     */
    public static Reply ourFault(String during, String reference, String advice) {
        return error(OUR_FAULT + (during.isEmpty() ? "" : " " + during) + " (reference " + reference + "). " + advice);
    }

    /** Whether this answers a failure of ours rather than refusing the user's input. */
    public boolean isOurFault() {
        return !ok && text.startsWith(OUR_FAULT);
    }

    public Reply withBlocks(List<Block> more) {
        List<Block> all = new ArrayList<>(blocks);
        all.addAll(more);
        return new Reply(ok, ephemeral, command, text, all, form, data);
    }

    public Reply with(Block block) {
        return withBlocks(List.of(block));
    }

    public Reply withData(String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.put(key, value);
        return new Reply(ok, ephemeral, command, text, blocks, form, all);
    }

    public Reply withCommand(String name) {
        return new Reply(ok, ephemeral, name, text, blocks, form, data);
    }

    public Reply withForm(Form newForm) {
        return new Reply(ok, ephemeral, command, text, blocks, Optional.of(newForm), data);
    }

    /** Visible to everyone in the channel (announcements), not only to the asker. */
    public Reply inChannel() {
        return new Reply(ok, false, command, text, blocks, form, data);
    }
}
