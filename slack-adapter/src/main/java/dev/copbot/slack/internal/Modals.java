package dev.copbot.slack.internal;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
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
 * whose block id is the input's id (Slack shows {@code response_action: errors} against block ids): a date or time
 * picker or a menu when the input asks for one, else a text input.
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
                    .label(plainText(SlackText.limit(in.label(), 2000))).element(element(in))));
        }
        String metadata = GSON.toJson(new Metadata(channel, form.context()));
        return view(v -> v.type("modal").callbackId(form.id()).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.limit(form.title(), 24))))
                .submit(viewSubmit(s -> s.type("plain_text").text(SlackText.limit(form.submitLabel(), 24))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** A date or time picker, a menu of the input's choices, or a text input. */
    private static BlockElement element(Form.Input in) {
        return switch (in.kind()) {
            case DATE -> datePicker(e -> {
                e.actionId(VALUE).placeholder(plainText("Pick a date"));
                return in.initialValue().isEmpty() ? e : e.initialDate(in.initialValue());
            });
            case TIME -> timePicker(e -> {
                e.actionId(VALUE).placeholder(plainText("Pick a time"));
                return in.initialValue().isEmpty() ? e : e.initialTime(in.initialValue());
            });
            case CHOICE -> in.choices().isEmpty() ? text(in) : staticSelect(e -> {
                List<OptionObject> options = in.choices().stream().limit(100).map(c -> option(plainText(
                        SlackText.limit(c, 75)), c)).toList();
                e.actionId(VALUE).placeholder(plainText("Choose")).options(options);
                options.stream().filter(o -> o.getValue().equals(in.initialValue())).findFirst().ifPresent(e::initialOption);
                return e;
            });
            case TEXT -> text(in);
        };
    }

    private static BlockElement text(Form.Input in) {
        return plainTextInput(e -> {
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
        });
    }

    /** What was typed into each input, by input id (empty for an optional input left blank). */
    public static Map<String, String> values(ViewState state) {
        Map<String, String> out = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return out;
        }
        state.getValues().forEach((blockId, actions) -> {
            ViewState.Value v = actions.get(VALUE);
            String value = v == null ? null : v.getSelectedDate() != null ? v.getSelectedDate()
                    : v.getSelectedTime() != null ? v.getSelectedTime()
                    : v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue();
            out.put(blockId, value == null ? "" : value);
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
