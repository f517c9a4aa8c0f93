package dev.copbot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.count(1, "thread")).isEqualTo("1 thread");
        assertThat(Plural.count(0, "thread")).isEqualTo("0 threads");
        assertThat(Plural.count(2, "thread")).isEqualTo("2 threads");
        assertThat(Plural.of(1, "match", "matches")).isEqualTo("1 match");
        assertThat(Plural.of(-1, "day", "days")).isEqualTo("-1 days");
        assertThat(Plural.word(1, "matches", "match")).isEqualTo("matches");
        assertThat(Plural.word(5, "matches", "match")).isEqualTo("match");
    }
}
