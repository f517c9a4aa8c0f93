package dev.copbot.core.discussion;

import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A search as data. {@code clauses}: each is one word, or a quoted phrase, or several alternatives joined by OR;
 * a thread scores for every clause it matches. {@code excluded}: words or phrases no result may contain. Filters
 * narrow by channel, author, date, solved state or community.
 */
public record SearchRequest(String text, List<Clause> clauses, List<String> excluded, List<ChannelId> channels,
                            Optional<UserId> from, Optional<Instant> before, Optional<Instant> after,
                            Optional<Boolean> solved) {

    /** One or more alternatives (more than one when the user wrote OR); each is a word or a phrase. */
    public record Clause(List<String> alternatives) {
        public Clause {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Free text with the same syntax as {@code /cop search} (phrases, -exclusion, OR), and no filters. */
    public static SearchRequest parse(String text) {
        return QuerySyntax.parse(text);
    }

    /** {@code before}: threads started before this instant; {@code after}: at or after it. */
    public SearchRequest withFilters(List<ChannelId> inChannels, Optional<UserId> author, Optional<Instant> startedBefore,
                                     Optional<Instant> startedAfter, Optional<Boolean> isSolved) {
        return new SearchRequest(text, clauses, excluded, inChannels, author, startedBefore, startedAfter, isSolved);
    }

    public SearchRequest {
        clauses = List.copyOf(clauses);
        excluded = List.copyOf(excluded);
        channels = List.copyOf(channels);
    }
}
