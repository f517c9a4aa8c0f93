package dev.copbot.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchIndex;

/**
 * The thread index's settings and mapping: the same fields as the embedded index ({@link SearchIndex}), analysed
 * as {@code SearchAnalyzer} analyses them (URL/e-mail tokenizer, c++/c#/.net kept, word-delimiter parts stacked on
 * the whole word, lower case, possessives, English stop words, Porter), so the core's analysed query terms find
 * the same tokens, and BM25 with the ranking's k1 and b on one shard, so the statistics are the embedded index's.
 */
final class IndexLayout {
    static final String ANALYZER = "copbot_text";

    private IndexLayout() {}

    static ObjectNode of(Ranking ranking) {
        ObjectNode body = Remote.JSON.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        // One shard: the BM25 statistics are the whole index's, as in the embedded backend.
        index.put("number_of_shards", 1).put("number_of_replicas", 0).put("refresh_interval", "1s");
        index.putObject("similarity").putObject("copbot_bm25").put("type", "BM25")
                .put("k1", ranking.k1()).put("b", ranking.b());
        ObjectNode analysis = index.putObject("analysis");
        ArrayNode mappings = analysis.putObject("char_filter").putObject("copbot_symbols").put("type", "mapping")
                .putArray("mappings");
        for (String[] m : new String[][] {{"c++", "cplusplus"}, {"C++", "cplusplus"}, {"c#", "csharp"},
                {"C#", "csharp"}, {"f#", "fsharp"}, {"F#", "fsharp"}, {".net", "dotnet"}, {".NET", "dotnet"}}) {
            mappings.add(m[0] + " => \\u0020" + m[1] + "\\u0020");
        }
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("copbot_parts").put("type", "word_delimiter_graph").put("generate_word_parts", true)
                .put("generate_number_parts", true).put("split_on_case_change", true).put("preserve_original", true)
                .put("split_on_numerics", false).put("stem_english_possessive", true).put("catenate_words", false)
                .put("catenate_numbers", false).put("catenate_all", false);
        filters.putObject("copbot_possessive").put("type", "stemmer").put("language", "possessive_english");
        filters.putObject("copbot_stop").put("type", "stop").put("stopwords", "_english_");
        ObjectNode analyzer = analysis.putObject("analyzer").putObject(ANALYZER).put("type", "custom")
                .put("tokenizer", "uax_url_email");
        analyzer.putArray("char_filter").add("copbot_symbols");
        analyzer.putArray("filter").add("copbot_parts").add("flatten_graph").add("lowercase").add("copbot_possessive")
                .add("copbot_stop").add("porter_stem");

        ObjectNode mapping = body.putObject("mappings");
        mapping.put("dynamic", "strict");
        // The whole text is indexed but not kept twice: title and body come back from the source.
        mapping.putObject("_source").putArray("excludes").add(SearchIndex.TEXT).add(SearchIndex.ACCEPTED);
        ObjectNode props = mapping.putObject("properties");
        for (String keyword : new String[] {SearchIndex.KEY, SearchIndex.WORKSPACE, SearchIndex.CHANNEL,
                SearchIndex.AUTHOR, SearchIndex.SOLVED}) {
            props.putObject(keyword).put("type", "keyword");
        }
        for (String text : new String[] {SearchIndex.TITLE, SearchIndex.TEXT, SearchIndex.ACCEPTED}) {
            props.putObject(text).put("type", "text").put("analyzer", ANALYZER).put("similarity", "copbot_bm25");
        }
        props.putObject(SearchIndex.POSTED).put("type", "long");
        for (String kept : new String[] {SearchIndex.BODY, SearchIndex.ACCEPTED_MESSAGE, SearchIndex.MESSAGE_STARTS}) {
            props.putObject(kept).put("type", "keyword").put("index", false).put("doc_values", false);
        }
        for (String kept : new String[] {SearchIndex.LAST_REPLY, SearchIndex.REPLIES}) {
            props.putObject(kept).put("type", "long").put("index", false).put("doc_values", false);
        }
        return body;
    }
}
