package dev.copbot.slack.internal;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.copbot.core.reply.Form;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Core forms as Slack modals. The modal's callback id is the form id; its private metadata carries the form's
 * context and the channel it was opened from, so the submission can be answered there. Each input is an input block
 * whose block id is the input's id (Slack shows {@code response_action: errors} against block ids).
 */
public final class Modals {
    static final String VALUE = "value";
    private static final Gson GSON = new Gson();

    record Metadata(String channel, String context) {}

    private Modals() {}

    public static View modal(Form form, String channel) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Form.Input in : form.inputs()) {
            blocks.add(input(b -> b.blockId(in.id()).optional(!in.required())
                    .label(plainText(SlackText.limit(in.label(), 2000)))
                    .element(plainTextInput(e -> {
                        e.actionId(VALUE).multiline(in.multiline());
                        if (!in.initialValue().isEmpty()) {
                            e.initialValue(in.initialValue());
                        }
                        if (!in.placeholder().isEmpty()) {
                            e.placeholder(plainText(SlackText.limit(in.placeholder(), 150)));
                        }
                        if (in.maxLength() > 0) {
                            e.maxLength(in.maxLength());
                        }
                        return e;
                    }))));
        }
        String metadata = GSON.toJson(new Metadata(channel, form.context()));
        return view(v -> v.type("modal").callbackId(form.id()).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.limit(form.title(), 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text(SlackText.limit(form.submitLabel(), 24))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** What was typed into each input, by input id (empty for an optional input left blank). */
    public static Map<String, String> values(ViewState state) {
        Map<String, String> out = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return out;
        }
        state.getValues().forEach((blockId, actions) -> {
            ViewState.Value v = actions.get(VALUE);
            out.put(blockId, v == null || v.getValue() == null ? "" : v.getValue());
        });
        return out;
    }

    static Metadata metadata(String privateMetadata) {
        try {
            Metadata m = GSON.fromJson(privateMetadata, Metadata.class);
            return m == null ? new Metadata(null, "") : m;
        } catch (RuntimeException e) {
            return new Metadata(null, "");
        }
    }
}
