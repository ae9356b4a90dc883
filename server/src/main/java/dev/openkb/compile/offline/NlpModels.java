package dev.openkb.compile.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP's English models (tokens, part-of-speech tags, lemmas; Universal Dependencies tags, trained
 * on the English Web Treebank) and the English word list, read from the jar once per process: the
 * first {@link #get()} loads them (a few seconds), every later call returns the same instance.
 *
 * <p>Thread-safety: the holder is the JVM's lazy class initialisation, so loading happens once and is
 * safely published; the models and the word set are immutable and shared by every thread. The
 * taggers made from them ({@code TokenizerME}, {@code POSTaggerME}, {@code LemmatizerME}) are NOT
 * thread-safe: {@link #tagger()} makes a new {@link Tagger} for each caller, which keeps it on one
 * thread (one per document analysis on a prepare worker).
 */
final class NlpModels {
    private final TokenizerModel tokens;
    private final POSModel pos;
    private final LemmatizerModel lemmas;
    private final Set<String> words;

    private NlpModels(TokenizerModel tokens, POSModel pos, LemmatizerModel lemmas, Set<String> words) {
        this.tokens = tokens;
        this.pos = pos;
        this.lemmas = lemmas;
        this.words = words;
    }

    /** The process's models, loaded on first use. */
    static NlpModels get() {
        return Holder.INSTANCE;
    }

    /** A tagger for the calling thread alone. */
    Tagger tagger() {
        return new Tagger(tokens, pos, lemmas);
    }

    /**
     * True for a common English word (its lower-case form is in the word list, which writes proper
     * nouns with a capital and so leaves them out): "must", "success", "buffer"; not "Linux", "libffi".
     */
    boolean isDictionaryWord(String lower) {
        return words.contains(lower);
    }

    private static final class Holder {
        static final NlpModels INSTANCE = load();
    }

    private static NlpModels load() {
        try {
            TokenizerModel t;
            POSModel p;
            LemmatizerModel l;
            try (InputStream in = resource("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
                t = new TokenizerModel(in);
            }
            try (InputStream in = resource("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")) {
                p = new POSModel(in);
            }
            try (InputStream in = resource("/opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin")) {
                l = new LemmatizerModel(in);
            }
            return new NlpModels(t, p, l, wordList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the English language models from the jar", e);
        }
    }

    /** SCOWL's American English list (Debian's wamerican), lower-case entries only; see english-words.NOTICE. */
    private static Set<String> wordList() throws IOException {
        Set<String> out = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(resource("/dev/openkb/compile/offline/english-words.txt.gz")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return Set.copyOf(out);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NlpModels.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the jar");
        }
        return in;
    }
}
