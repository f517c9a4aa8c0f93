package dev.copbot.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.SectionBlock;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Field;
import dev.copbot.core.reply.Reply;
import dev.copbot.core.reply.TimeText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockKitTest {
    @Test
    void escapesControlCharactersSoQuotedMentionsNeverPing() {
        assertThat(SlackText.escape("<!here> & <@U1|bob> <!channel>"))
                .isEqualTo("&lt;!here&gt; &amp; &lt;@U1|bob&gt; &lt;!channel&gt;");
        assertThat(BlockKit.fallback(Reply.ok("ping <!everyone>"))).isEqualTo("ping &lt;!everyone&gt;");
    }

    @Test
    void timesRenderInEachViewersZoneWithAUtcFallback() {
        assertThat(SlackText.date(Instant.parse("2026-03-05T17:30:00Z"), "{date_short_pretty} at {time}"))
                .isEqualTo("<!date^1772731800^{date_short_pretty} at {time}|2026-03-05 17:30 UTC>");
    }

    @Test
    void coreTimeMarksBecomeSlackDatesAfterEscaping() {
        String mark = TimeText.mark(Instant.parse("2026-03-05T17:30:00Z"), "Thu 5 Mar 17:30 UTC");
        var blocks = BlockKit.blocks(Reply.ok("").with(new Block.Section("Lunch & learn", "Starts " + mark + " <!here>",
                List.of(new Field("When", mark)))), Map.of());
        SectionBlock section = (SectionBlock) blocks.get(0);
        assertThat(section.getText().getText()).isEqualTo("*Lunch &amp; learn*\nStarts "
                + "<!date^1772731800^{date_short_pretty} at {time}|Thu 5 Mar 17:30 UTC> &lt;!here&gt;");
        assertThat(section.getFields().get(0).getText())
                .isEqualTo("*When*\n<!date^1772731800^{date_short_pretty} at {time}|Thu 5 Mar 17:30 UTC>");
    }

    @Test
    void moreThanTenFieldsContinueInAnotherSectionAndHugeRepliesAreCut() {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            fields.add(new Field("k" + i, "v" + i));
        }
        var blocks = BlockKit.blocks(Reply.ok("").with(new Block.Section("Title", "body", fields)), Map.of());
        assertThat(blocks).hasSize(2);
        assertThat(((SectionBlock) blocks.get(0)).getFields()).hasSize(10);
        assertThat(((SectionBlock) blocks.get(1)).getFields()).hasSize(3);
        assertThat(((SectionBlock) blocks.get(1)).getText()).isNull();

        List<Block> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(Block.Section.of("s" + i, "x"));
        }
        var cut = BlockKit.blocks(Reply.ok("many").withBlocks(many), Map.of());
        assertThat(cut).hasSize(BlockKit.MAX_BLOCKS);
        assertThat(cut.get(BlockKit.MAX_BLOCKS - 1)).isInstanceOf(ContextBlock.class);
    }

    @Test
    void buttonActionIdsMapBackToTheCoreAction() {
        assertThat(BlockKit.coreAction("cop.run#3.1")).isEqualTo("cop.run");
        assertThat(BlockKit.coreAction("plain")).isEqualTo("plain");
    }

    @Test
    void aRefusedFormShowsPerInputErrorsOrTheReasonOnTheFirstInput() {
        Reply perField = Reply.error("Fix the form").withData(Reply.FIELD_ERRORS, Map.of("date", "Use YYYY-MM-DD"));
        assertThat(InteractionListener.errors(perField, Optional.of("title"))).containsExactly(Map.entry("date", "Use YYYY-MM-DD"));
        assertThat(InteractionListener.errors(Reply.error("Title is taken"), Optional.of("title")))
                .containsExactly(Map.entry("title", "Title is taken"));
    }

    @Test
    void slackTimestampsBecomeInstants() {
        assertThat(SlackIds.instant("1531420618.000200", Instant.EPOCH)).isEqualTo(Instant.parse("2018-07-12T18:36:58.000200Z"));
        assertThat(SlackIds.instant("garbage", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    }
}
