package dev.copbot.core.discussion;

import dev.copbot.core.command.Token;
import dev.copbot.core.command.Tokenizer;
import dev.copbot.core.command.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Words, quoted phrases and OR, from the tokens a user typed (quotes already removed by the command tokenizer). */
final class QuerySyntax {
    private QuerySyntax() {}

    /**
     * Free text as a person would type it in {@code /cop search}: quotes make phrases, {@code -word} excludes, OR joins.
     * Option-looking words ({@code re:zero}) are kept as words; an unbalanced quote is read as no quote at all.
     */
    static SearchRequest parse(String text) {
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(text);
        } catch (UserError e) {
            tokens = Tokenizer.tokenize(text.replace("\"", " ").replace("\u201C", " ")
                    .replace("\u201D", " "));
        }
        return fromTokens(text, tokens.stream().map(t -> t.isOption()
                ? Token.positional(t.key() + ":" + t.value(), t.quoted()) : t).toList());
    }

    /** Words, phrases, exclusions and OR groups from command tokens; filters are added by the caller. */
    static SearchRequest fromTokens(String text, List<Token> tokens) {
        List<String> terms = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Token t : tokens) {
            String v = t.value().strip();
            if (v.length() > 1 && v.startsWith("-")) {
                excluded.add(v.substring(1));
            } else if (!v.isEmpty()) {
                terms.add(v);
            }
        }
        return new SearchRequest(text, fromTerms(terms), excluded, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Groups terms joined by an upper-case OR into one clause; everything else is its own clause. */
    static List<SearchRequest.Clause> fromTerms(List<String> terms) {
        List<List<String>> groups = new ArrayList<>();
        boolean joinNext = false;
        for (String t : terms) {
            if (t.equals("OR")) {
                joinNext = !groups.isEmpty();
                continue;
            }
            if (joinNext) {
                groups.get(groups.size() - 1).add(t);
            } else {
                groups.add(new ArrayList<>(List.of(t)));
            }
            joinNext = false;
        }
        return groups.stream().map(SearchRequest.Clause::new).toList();
    }
}
