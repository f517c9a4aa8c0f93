package dev.copbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    static List<Token> tokens(String text) {
        return Tokenizer.tokenize(Tokenizer.normalize(text));
    }

    @Test
    void splitsWordsQuotesAndOptions() {
        assertThat(tokens("/cop community create data-science purpose:\"Models and more\" channel:#ds")).containsExactly(
                Token.positional("community", false), Token.positional("create", false),
                Token.positional("data-science", false), new Token("purpose", "Models and more", true),
                new Token("channel", "#ds", false));
    }

    @Test
    void curlyQuotesEscapedQuotesAndEmptyQuotedValues() {
        assertThat(tokens("skills add \u201Cmachine learning\u201D \"say \\\"hi\\\"\" \"\"")).containsExactly(
                Token.positional("skills", false), Token.positional("add", false),
                Token.positional("machine learning", true), Token.positional("say \"hi\"", true),
                Token.positional("", true));
    }

    @Test
    void urlsTimesAndQuotedColonsStayPositional() {
        assertThat(tokens("x https://example.com/a 12:00 \"a:b\"")).extracting(Token::isOption)
                .containsExactly(false, false, false, false);
        assertThat(tokens("x where:https://meet.example.com")).last()
                .isEqualTo(new Token("where", "https://meet.example.com", false));
        assertThat(tokens("x PURPOSE:y")).last().isEqualTo(new Token("purpose", "y", false));
        assertThat(tokens("x slack:T1:U2 discord:1:2 console:bob")).extracting(Token::isOption)
                .containsExactly(false, false, false, false);
    }

    @Test
    void slashCopIsOptionalButOnlyAsAWord() {
        assertThat(tokens("/cop help")).containsExactly(Token.positional("help", false));
        assertThat(tokens("help")).containsExactly(Token.positional("help", false));
        assertThat(tokens("/copper")).containsExactly(Token.positional("/copper", false));
        assertThat(tokens("   ")).isEmpty();
    }

    @Test
    void refusesUnbalancedQuotesControlCharactersAndHugeInput() {
        assertThatThrownBy(() -> tokens("community charter x purpose:\"never closed"))
                .isInstanceOf(UserError.class).hasMessageContaining("Unbalanced quote").hasMessageContaining("character 29");
        assertThatThrownBy(() -> tokens("join a\u0007b")).isInstanceOf(UserError.class)
                .hasMessageContaining("control character (U+0007) at position 7");
        assertThatThrownBy(() -> tokens("join \u202Eevil")).isInstanceOf(UserError.class)
                .hasMessageContaining("text-direction");
        assertThatThrownBy(() -> tokens("search " + "a".repeat(10_000))).isInstanceOf(UserError.class)
                .hasMessageContaining("10007 characters long; the limit is 4000");
        assertThat(tokens("skills add a\tb\nc")).hasSize(5);
    }
}
