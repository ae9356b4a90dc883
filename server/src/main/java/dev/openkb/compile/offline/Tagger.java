package dev.openkb.compile.offline;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Tokens, part-of-speech tags and lemmas for one sentence at a time.
 *
 * <p>Thread-safety: none. OpenNLP's ME classes keep per-call state, so a Tagger belongs to the one
 * thread that made it ({@link NlpModels#tagger()}); the models underneath are shared and read-only.
 */
final class Tagger {
    private final TokenizerME tokenizer;
    private final POSTaggerME pos;
    private final LemmatizerME lemmatizer;

    Tagger(TokenizerModel tokens, POSModel pos, LemmatizerModel lemmas) {
        this.tokenizer = new TokenizerME(tokens);
        this.pos = new POSTaggerME(pos);
        this.lemmatizer = new LemmatizerME(lemmas);
    }

    Tagged tag(String sentence) {
        String[] tokens = joinHyphens(sentence, tokenizer.tokenizePos(sentence));
        if (tokens.length == 0) {
            return new Tagged(tokens, tokens, tokens);
        }
        String[] tags = pos.tag(tokens);
        String[] lemmas = lemmatizer.lemmatize(tokens, tags);
        return new Tagged(tokens, tags, lemmas);
    }

    /**
     * The tokens, with words the tokenizer split at a hyphen joined again ("write-", "ahead" or
     * "write", "-", "ahead" become "write-ahead"): a hyphenated compound is one word of a noun phrase.
     */
    static String[] joinHyphens(String sentence, Span[] spans) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < spans.length) {
            int start = spans[i].getStart();
            int end = spans[i].getEnd();
            while (i + 1 < spans.length && spans[i + 1].getStart() == end
                    && (sentence.charAt(end - 1) == '-' || sentence.charAt(end) == '-')
                    && !(sentence.charAt(end - 1) == '-' && sentence.charAt(end) == '-')) {
                end = spans[i + 1].getEnd();
                i++;
            }
            out.add(sentence.substring(start, end));
            i++;
        }
        return out.toArray(new String[0]);
    }
}
