package dev.copbot.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * The core's Lucene queries as OpenSearch query DSL, node for node, so every part of the ranking (field weights,
 * phrases, proximity pairs, the solved lift, feedback words) and every filter and access rule is the same query on
 * both backends. Terms are already analysed by the core, so they go as {@code term} and span queries, never through
 * the node's analyser a second time. A query type the core does not build is refused, naming it.
 */
final class QueryTranslation {
    private QueryTranslation() {}

    static ObjectNode of(Query query) {
        ObjectNode out = Remote.JSON.createObjectNode();
        switch (query) {
            case BooleanQuery b -> {
                ObjectNode bool = out.putObject("bool");
                for (BooleanClause c : b.clauses()) {
                    String occur = switch (c.occur()) {
                        case MUST -> "must";
                        case SHOULD -> "should";
                        case FILTER -> "filter";
                        case MUST_NOT -> "must_not";
                    };
                    arrayOf(bool, occur).add(of(c.query()));
                }
                if (b.getMinimumNumberShouldMatch() > 0) {
                    bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
                }
            }
            case BoostQuery b -> {
                // A bool around one clause scores as that clause, times its boost: works for any inner query.
                ObjectNode bool = out.putObject("bool");
                bool.putArray("should").add(of(b.getQuery()));
                bool.put("boost", b.getBoost());
            }
            case ConstantScoreQuery c -> out.putObject("constant_score").set("filter", of(c.getQuery()));
            case TermQuery t -> out.putObject("term").put(t.getTerm().field(), t.getTerm().text());
            case TermInSetQuery t -> {
                ArrayNode values = out.putObject("terms").putArray(t.getField());
                try {
                    BytesRefIterator it = t.getBytesRefIterator();
                    for (BytesRef v = it.next(); v != null; v = it.next()) {
                        values.add(v.utf8ToString());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case PointRangeQuery r when r.getNumDims() == 1 && r.getBytesPerDim() == Long.BYTES -> {
                ObjectNode range = out.putObject("range").putObject(r.getField());
                range.put("gte", LongPoint.decodeDimension(r.getLowerPoint(), 0));
                range.put("lte", LongPoint.decodeDimension(r.getUpperPoint(), 0));
            }
            case PrefixQuery p -> out.putObject("prefix").put(p.getPrefix().field(), p.getPrefix().text());
            case MatchAllDocsQuery m -> out.putObject("match_all");
            case SynonymQuery s -> {
                // Stacked forms of one word (a split word's parts): any of them, as Lucene's query matches any.
                ObjectNode dis = out.putObject("dis_max");
                ArrayNode queries = dis.putArray("queries");
                for (Term t : s.getTerms()) {
                    queries.addObject().putObject("term").put(t.field(), t.text());
                }
            }
            case PhraseQuery p -> {
                Term[] terms = p.getTerms();
                int[] positions = p.getPositions();
                int gaps = terms.length == 0 ? 0 : positions[positions.length - 1] - positions[0] - (terms.length - 1);
                if (terms.length == 1) {
                    out.putObject("term").put(terms[0].field(), terms[0].text());
                } else if (gaps == 0) {
                    // The analysed terms split on spaces again: the node builds this very PhraseQuery (same slop,
                    // same sloppy-match scoring), which a span query only approximates (0.5701 against 0.5805).
                    StringBuilder words = new StringBuilder();
                    for (Term t : terms) {
                        words.append(words.isEmpty() ? "" : " ").append(t.text());
                    }
                    out.putObject("match_phrase").putObject(terms[0].field()).put("query", words.toString())
                            .put("slop", p.getSlop()).put("analyzer", "whitespace");
                } else {
                    // Stop words left gaps between the terms: a span query widens its window by them.
                    ObjectNode near = out.putObject("span_near");
                    ArrayNode clauses = near.putArray("clauses");
                    for (Term t : terms) {
                        clauses.addObject().putObject("span_term").put(t.field(), t.text());
                    }
                    near.put("slop", p.getSlop() + gaps).put("in_order", p.getSlop() == 0);
                }
            }
            case MultiPhraseQuery p -> {
                Term[][] terms = p.getTermArrays();
                int[] positions = p.getPositions();
                ObjectNode near = out.putObject("span_near");
                ArrayNode clauses = near.putArray("clauses");
                for (Term[] alternatives : terms) {
                    ArrayNode any = clauses.addObject().putObject("span_or").putArray("clauses");
                    for (Term t : alternatives) {
                        any.addObject().putObject("span_term").put(t.field(), t.text());
                    }
                }
                int gaps = positions[positions.length - 1] - positions[0] - (terms.length - 1);
                near.put("slop", p.getSlop() + Math.max(0, gaps)).put("in_order", p.getSlop() == 0);
            }
            default -> throw new IllegalArgumentException("the OpenSearch backend cannot run a "
                    + query.getClass().getSimpleName() + " (" + query + ")");
        }
        return out;
    }

    private static ArrayNode arrayOf(ObjectNode bool, String name) {
        return bool.has(name) ? (ArrayNode) bool.get(name) : bool.putArray(name);
    }
}
