package dev.copbot.slack.internal;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Button;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a core {@link Reply} as Block Kit: the reply's text first, then its sections (fields side by side), context
 * lines, button rows, dividers and pictures (image blocks of Slack files already uploaded, else their alt text). Every
 * string from the core is escaped, so quoted user text never pings anyone.
 * Slack's limits (50 blocks, 10 fields, 3000 characters a section, 75 a button label) are respected by cutting.
 */
public final class BlockKit {
    static final int MAX_BLOCKS = 50;
    private static final String ACTION_SEPARATOR = "#";

    private BlockKit() {}

    /** The plain notification text Slack requires next to blocks. */
    public static String fallback(Reply reply) {
        return SlackText.limit(SlackText.escape(reply.text()), 3000);
    }

    /** The reply's blocks; {@code slackFiles} has the Slack file id of each picture that was uploaded. */
    public static List<LayoutBlock> blocks(Reply reply, Map<Block.Image, String> slackFiles) {
        List<LayoutBlock> out = new ArrayList<>();
        if (!reply.text().isBlank()) {
            out.add(section(s -> s.text(mrkdwn(reply.text()))));
        }
        for (Block block : reply.blocks()) {
            switch (block) {
                case Block.Section s -> addSection(out, s);
                case Block.Context c -> out.add(context(List.of(mrkdwn(c.text()))));
                case Block.Actions a -> out.add(actions(buttons(a.buttons(), out.size())));
                case Block.Divider d -> out.add(divider());
                case Block.Image i -> out.add(image(i, slackFiles.get(i)));
            }
        }
        if (out.size() > MAX_BLOCKS) {
            List<LayoutBlock> cut = new ArrayList<>(out.subList(0, MAX_BLOCKS - 1));
            cut.add(context(List.of(markdownText("…more than Slack shows in one message; narrow the command down."))));
            return cut;
        }
        return out;
    }

    /** The core's action of a clicked button (its Slack action id carries a suffix that keeps ids unique). */
    public static String coreAction(String slackActionId) {
        int at = slackActionId.lastIndexOf(ACTION_SEPARATOR);
        return at < 0 ? slackActionId : slackActionId.substring(0, at);
    }

    private static void addSection(List<LayoutBlock> out, Block.Section s) {
        String body = (s.title().isEmpty() ? "" : "*" + SlackText.blockText(s.title()) + "*\n") + SlackText.blockText(s.text());
        List<TextObject> fields = new ArrayList<>();
        for (Field f : s.fields()) {
            fields.add(verbatim(SlackText.limit("*" + SlackText.blockText(f.label()) + "*\n"
                    + SlackText.blockText(f.value()), 2000)));
        }
        // Slack allows 10 fields a section: continue in further sections.
        for (int i = 0; i == 0 || i < fields.size(); i += 10) {
            String text = i == 0 && !body.isBlank() ? SlackText.limit(body, 3000) : null;
            List<TextObject> some = fields.subList(i, Math.min(fields.size(), i + 10));
            if (text == null && some.isEmpty()) {
                return;
            }
            out.add(section(b -> {
                if (text != null) {
                    b.text(verbatim(text));
                }
                if (!some.isEmpty()) {
                    b.fields(List.copyOf(some));
                }
                return b;
            }));
        }
    }

    private static LayoutBlock image(Block.Image image, String fileId) {
        if (fileId == null) {
            return context(List.of(mrkdwn(image.title() + ": " + image.altText())));
        }
        // Plain text fields: Slack shows them as they are, so there is nothing to escape.
        return ImageBlock.builder().slackFile(SlackFileObject.builder().id(fileId).build())
                .altText(SlackText.limit(image.altText().isBlank() ? image.fileName() : image.altText(), 2000))
                .title(image.title().isBlank() ? null : plainText(SlackText.limit(image.title(), 2000))).build();
    }

    private static List<BlockElement> buttons(List<Button> buttons, int blockIndex) {
        List<BlockElement> out = new ArrayList<>();
        for (int i = 0; i < buttons.size() && i < 25; i++) {
            Button b = buttons.get(i);
            String id = b.action() + ACTION_SEPARATOR + blockIndex + "." + i;
            out.add(button(e -> {
                e.actionId(id).text(plainText(SlackText.limit(b.label(), 75))).value(SlackText.limit(b.value(), 2000));
                return switch (b.style()) {
                    case PRIMARY -> e.style("primary");
                    case DANGER -> e.style("danger");
                    case DEFAULT -> e;
                };
            }));
        }
        return out;
    }

    private static TextObject mrkdwn(String coreText) {
        return verbatim(SlackText.limit(SlackText.blockText(coreText), 3000));
    }

    /**
     * Escaped mrkdwn that Slack shows as written: {@code verbatim} stops Slack from turning bare {@code @here},
     * {@code @channel}, {@code #channel} or names in the text into mentions and links; the bot's own
     * {@code <!date^…>} marks still render.
     */
    private static TextObject verbatim(String escapedMrkdwn) {
        return MarkdownTextObject.builder().text(escapedMrkdwn).verbatim(true).build();
    }
}
