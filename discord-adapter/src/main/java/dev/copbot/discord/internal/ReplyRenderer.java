package dev.copbot.discord.internal;

import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Form;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a core reply the Discord way: the plain text as the message content, each section as an embed (fields side
 * by side, small print as its footer), pictures as attached PNGs shown in an embed, button rows as action rows, forms
 * as modals. Instants written in ISO-8601 UTC
 * become {@code <t:…:F>} so every viewer reads their own local time. Mentions never ping: quoted text containing
 * {@code @everyone}, a role or a user stays text.
 */
public final class ReplyRenderer {
    private static final Pattern INSTANT = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final int ROWS = Message.MAX_COMPONENT_COUNT;
    private static final int BUTTONS_PER_ROW = 5;

    private final ComponentIds ids;
    private final FormSteps steps = new FormSteps();

    public ReplyRenderer(ComponentIds ids) {
        this.ids = ids;
    }

    /** The message with the reply's pictures attached. */
    public MessageCreateData message(Reply reply) {
        return message(reply, true);
    }

    /** The message with each picture's alt text only, for where Discord refuses the files. */
    public MessageCreateData withoutPictures(Reply reply) {
        return message(reply, false);
    }

    private MessageCreateData message(Reply reply, boolean attachPictures) {
        MessageCreateBuilder out = new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        List<FileUpload> files = new ArrayList<>();
        List<MessageEmbed> embeds = embeds(reply.blocks(), attachPictures ? files : null);
        String content = clip(times(reply.text()), Message.MAX_CONTENT_LENGTH);
        out.setContent(content.isBlank() && embeds.isEmpty() ? "(no answer)" : content);
        out.setEmbeds(embeds);
        out.setFiles(files);
        out.setComponents(rows(reply.blocks()));
        return out.build();
    }

    public Modal modal(Form form) {
        if (FormSteps.fits(form)) {
            return modal(ids.encode(form.id(), form.context()), form.title(), form.inputs());
        }
        return stepModal(steps.start(form), 0).orElseThrow();
    }

    /** Step {@code step} of a form asked in several modals, or empty when that form is no longer known. */
    Optional<Modal> stepModal(String key, int step) {
        return steps.find(key).map(p -> modal(ids.encode(FormSteps.STEP, FormSteps.value(key, step)),
                p.form().title() + " (" + (step + 1) + "/" + FormSteps.steps(p.form()) + ")",
                FormSteps.inputs(p.form(), step)));
    }

    FormSteps steps() {
        return steps;
    }

    private Modal modal(String id, String title, List<Form.Input> inputs) {
        Modal.Builder modal = Modal.create(id, clip(title, Modal.MAX_TITLE_LENGTH));
        for (Form.Input input : inputs) {
            TextInput.Builder field = TextInput.create(input.id(), input.multiline() ? TextInputStyle.PARAGRAPH
                    : TextInputStyle.SHORT).setRequired(input.required());
            if (input.maxLength() > 0) {
                field.setMaxLength(Math.min(input.maxLength(), TextInput.MAX_VALUE_LENGTH));
            }
            if (!input.placeholder().isBlank()) {
                field.setPlaceholder(clip(input.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
            }
            if (!input.initialValue().isBlank()) {
                field.setValue(input.initialValue());
            }
            modal.addComponents(Label.of(clip(input.label(), Label.LABEL_MAX_LENGTH), field.build()));
        }
        return modal.build();
    }

    /** Replaces ISO-8601 instants with Discord timestamps, shown in each reader's zone. */
    static String times(String core) {
        String text = TimeText.render(core, (at, fallback) -> "<t:" + at.getEpochSecond() + ":F>");
        Matcher m = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                Instant at = OffsetDateTime.parse(m.group()).toInstant();
                replacement = "<t:" + at.getEpochSecond() + ":F>";
            } catch (DateTimeParseException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The embeds of the blocks; each picture whose embed fits is added to {@code files}, the embed showing it (without
     * {@code files}, the embed has the alt text only).
     */
    private List<MessageEmbed> embeds(List<Block> blocks, List<FileUpload> files) {
        List<MessageEmbed> embeds = new ArrayList<>();
        EmbedBuilder current = null;
        int total = 0;
        for (Block block : blocks) {
            switch (block) {
                case Block.Section s -> {
                    total = flush(embeds, current, total);
                    current = new EmbedBuilder();
                    current.setTitle(s.title().isBlank() ? null : clip(times(s.title()), MessageEmbed.TITLE_MAX_LENGTH));
                    current.setDescription(s.text().isBlank() ? null
                            : clip(times(s.text()), MessageEmbed.DESCRIPTION_MAX_LENGTH));
                    for (Field f : s.fields()) {
                        if (current.getFields().size() == MessageEmbed.MAX_FIELD_AMOUNT) {
                            total = flush(embeds, current, total);
                            current = new EmbedBuilder();
                        }
                        current.addField(clip(times(f.label()), MessageEmbed.TITLE_MAX_LENGTH),
                                clip(times(f.value()), MessageEmbed.VALUE_MAX_LENGTH), f.value().length() <= 40);
                    }
                }
                case Block.Context c -> {
                    if (current == null) {
                        current = new EmbedBuilder();
                    }
                    current.setFooter(clip(times(c.text()), MessageEmbed.TEXT_MAX_LENGTH));
                    total = flush(embeds, current, total);
                    current = null;
                }
                case Block.Divider d -> {
                    total = flush(embeds, current, total);
                    current = null;
                }
                case Block.Actions a -> { }
                case Block.Image i -> {
                    total = flush(embeds, current, total);
                    current = null;
                    EmbedBuilder image = new EmbedBuilder().setTitle(clip(i.title(), MessageEmbed.TITLE_MAX_LENGTH))
                            .setDescription(clip(i.altText(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
                    String name = files == null ? null : AttachmentNames.unique(i.fileName(), files);
                    if (name != null) {
                        image.setImage("attachment://" + name);
                    }
                    int before = embeds.size();
                    total = flush(embeds, image, total);
                    // Attach only a picture whose embed fits: without it the file would show as a bare download.
                    // (Discord allows as many files as embeds, 10, so the files always fit.)
                    if (name != null && embeds.size() > before) {
                        files.add(FileUpload.fromData(i.png(), name));
                    }
                }
            }
        }
        flush(embeds, current, total);
        return embeds;
    }

    /** Adds the embed while Discord's limits (10 embeds, 6000 characters in all) allow; returns the new total. */
    private static int flush(List<MessageEmbed> embeds, EmbedBuilder embed, int total) {
        if (embed == null || embed.isEmpty()) {
            return total;
        }
        int length = embed.length();
        if (embeds.size() < Message.MAX_EMBED_COUNT && total + length <= MessageEmbed.EMBED_MAX_LENGTH_BOT) {
            embeds.add(embed.build());
            return total + length;
        }
        return total;
    }

    private List<ActionRow> rows(List<Block> blocks) {
        List<ActionRow> rows = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof Block.Actions a) {
                List<Button> buttons = new ArrayList<>();
                for (dev.copbot.core.reply.Button b : a.buttons()) {
                    buttons.add(Button.of(style(b.style()), ids.encode(b.action(), b.value()),
                            clip(b.label(), Button.LABEL_MAX_LENGTH)));
                }
                for (int i = 0; i < buttons.size() && rows.size() < ROWS; i += BUTTONS_PER_ROW) {
                    rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
                }
            }
        }
        return rows;
    }

    private static ButtonStyle style(dev.copbot.core.reply.Button.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case DANGER -> ButtonStyle.DANGER;
            case DEFAULT -> ButtonStyle.SECONDARY;
        };
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
