package dev.copbot.core.discussion;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;

import java.io.Reader;

/**
 * English with technical tokens kept findable. URLs and e-mails stay whole; {@code NullPointerException},
 * {@code snake_case}, {@code v1.2.3} and {@code kafka-consumer} are indexed whole and in parts; {@code c++},
 * {@code c#} and {@code .net} survive tokenisation; then lower case, English stop words and Porter stemming,
 * as in Lucene's EnglishAnalyzer.
 */
public final class SearchAnalyzer extends Analyzer {
    private static final int WORD_DELIMITER = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
    private static final NormalizeCharMap SYMBOLS;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String[] m : new String[][] {{"c++", " cplusplus "}, {"C++", " cplusplus "}, {"c#", " csharp "},
                {"C#", " csharp "}, {"f#", " fsharp "}, {"F#", " fsharp "}, {".net", " dotnet "}, {".NET", " dotnet "}}) {
            b.add(m[0], m[1]);
        }
        SYMBOLS = b.build();
    }

    private final boolean indexing;
    private final CharArraySet stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** {@code indexing}: flatten the word-delimiter graph, which only index-time consumers need. */
    public SearchAnalyzer(boolean indexing) {
        this.indexing = indexing;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(SYMBOLS, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new UAX29URLEmailTokenizer();
        TokenStream t = new WordDelimiterGraphFilter(source, WORD_DELIMITER, null);
        if (indexing) {
            t = new FlattenGraphFilter(t);
        }
        t = new LowerCaseFilter(t);
        t = new EnglishPossessiveFilter(t);
        t = new StopFilter(t, stopWords);
        t = new PorterStemFilter(t);
        return new TokenStreamComponents(source, t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
