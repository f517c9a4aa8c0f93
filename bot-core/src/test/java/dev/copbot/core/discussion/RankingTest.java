package dev.copbot.core.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
    private final Ranking full = Ranking.defaults();

    @Test
    void eachPartLeavesOutOnlyItself() {
        assertThat(full.without(List.of("feedback")))
                .isEqualTo(new Ranking(0.9f, 0.4f, 0.2f, 1.0f, 0.5f, 0.5f, 6, 0.5f, Ranking.Feedback.NONE));
        assertThat(full.without(List.of("proximity")).proximityWeight()).isZero();
        assertThat(full.without(List.of("proximity")).feedback()).isEqualTo(full.feedback());
        Ranking noFields = full.without(List.of("fields"));
        assertThat(List.of(noFields.titleWeight(), noFields.acceptedWeight(), noFields.textWeight()))
                .containsExactly(0f, 0f, 1f);
        assertThat(full.without(List.of("solved")).solvedBoost()).isZero();
        assertThat(full.without(List.of())).isEqualTo(full);
    }

    @Test
    void partsCombine() {
        Ranking bare = full.without(List.of("feedback", "proximity", "fields", "solved"));
        assertThat(bare).isEqualTo(new Ranking(0.9f, 0.4f, 0f, 1.0f, 0f, 0f, 6, 0f, Ranking.Feedback.NONE));
    }

    @Test
    void anUnknownPartIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> full.without(List.of("feedbak")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no ranking part 'feedbak'. Did you mean 'feedback'? "
                        + "The parts are feedback, proximity, fields, solved.");
    }
}
