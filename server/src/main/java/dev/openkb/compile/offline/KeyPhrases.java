package dev.openkb.compile.offline;

import dev.openkb.compile.text.Boilerplate;
import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import dev.openkb.compile.text.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Key phrases of one document from its grammar: noun phrases found by part-of-speech tags (a run of
 * adjectives and nouns ending in a noun, "positional encoding", "write-ahead log"), each counted with
 * its shorter head-final forms ("log" in "write-ahead log"), and merged by lemma, so "structures" and
 * "structure" are one phrase. Sentences that read as code, boilerplate or back matter are not mined.
 * A multi-word phrase may occur once (documents that each name "write-ahead log" once still share a
 * subject). A single word is a phrase only when it occurs three times, is no common English word
 * ("function", "server", "support" are too broad to be a subject; "fsync" is not) and is not a
 * generic noun. A single word never used outside one longer kept phrase gives way to it. Ranked by
 * salience: occurrences, weighted towards longer phrases. Deterministic: ties break on the key.
 * Stateless apart from its immutable {@link Lexicon} and {@link NlpModels}.
 */
public final class KeyPhrases {
    static final int MAX_WORDS = 4;
    private static final java.util.Set<String> VAGUE = java.util.Set.of("other", "many", "several", "new", "same",
            "different", "various", "such", "certain", "own", "first", "last", "next", "previous", "more", "most",
            "few", "following", "above", "below", "given", "possible", "available", "specific", "particular", "whole",
            "main", "good", "bad", "great", "little", "large", "small", "old", "current", "additional",
            "appropriate", "corresponding", "respective", "necessary", "important", "usual", "similar", "special",
            "simple", "general", "full", "entire", "able", "real", "actual", "further", "single", "multiple", "each");
    private final Lexicon lexicon;
    private final NlpModels models;

    KeyPhrases(Lexicon lexicon, NlpModels models) {
        this.lexicon = lexicon;
        this.models = models;
    }

    /** Key phrases of every sentence of {@code doc}, read with a tagger of the calling thread. */
    List<KeyPhrase> extract(DocText doc, int limit) {
        Tagger tagger = models.tagger();
        Map<Sentence, Tagged> tagged = new java.util.IdentityHashMap<>();
        Set<Sentence> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.addAll(doc.sentences());
        return extract(doc, all, s -> tagged.computeIfAbsent(s, x -> tagger.tag(x.text())), limit);
    }

    List<KeyPhrase> extract(DocText doc, java.util.Set<Sentence> body, java.util.function.Function<Sentence, Tagged> tagger,
                            int limit) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        Map<String, Integer> alone = new HashMap<>();
        Map<String, String> defined = Abbreviations.definedIn(doc);
        for (Sentence s : doc.sentences()) {
            if (!body.contains(s) || Boilerplate.isBoilerplate(s.text()) || Boilerplate.isCodeLike(s.text())) {
                continue;
            }
            Tagged t = tagger.apply(s);
            for (int[] np : nounPhrases(t)) {
                int len = np[1] - np[0];
                for (int n = 1; n <= Math.min(MAX_WORDS, len); n++) {
                    int from = np[1] - n;
                    List<String> lemmas = new ArrayList<>();
                    List<String> written = new ArrayList<>();
                    for (int i = from; i < np[1]; i++) {
                        String lemma = key(t.lemma(i));
                        lemmas.add(defined.getOrDefault(lemma, lemma));
                        written.add(t.tokens()[i].toLowerCase(Locale.ROOT));
                    }
                    String k = String.join(" ", lemmas);
                    count.merge(k, 1, Integer::sum);
                    if (n == len) {
                        alone.merge(k, 1, Integer::sum);
                    }
                    surfaces.computeIfAbsent(k, x -> new TreeMap<>()).merge(String.join(" ", written), 1, Integer::sum);
                }
            }
        }
        Set<String> kept = new HashSet<>();
        count.forEach((k, c) -> {
            boolean single = k.indexOf(' ') < 0;
            if (!single || c >= 3 && k.length() >= 4 && !lexicon.isGeneric(k) && !models.isDictionaryWord(k)
                    && !models.isDictionaryWord(mostFrequent(surfaces.get(k)))) {
                kept.add(k);
            }
        });
        Set<String> dominated = new HashSet<>();
        for (String k : kept) {
            if (k.indexOf(' ') < 0 && alone.getOrDefault(k, 0) == 0) {
                dominated.add(k);
            }
        }
        List<KeyPhrase> out = new ArrayList<>();
        for (String k : kept) {
            if (dominated.contains(k)) {
                continue;
            }
            String surface = mostFrequent(surfaces.get(k));
            int words = k.split(" ").length;
            out.add(new KeyPhrase(keyIn(keyOf(List.of(surface.split(" "))), defined), surface, count.get(k), count.get(k) * (1 + 0.5 * (words - 1))));
        }
        out.sort(Comparator.comparingDouble(KeyPhrase::score).reversed().thenComparing(KeyPhrase::key));
        List<KeyPhrase> unique = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KeyPhrase p : out) {
            if (seen.add(p.key())) {
                unique.add(p);
            }
        }
        return unique.size() > limit ? List.copyOf(unique.subList(0, limit)) : unique;
    }

    /**
     * [start, end) of each noun phrase: adjectives and nouns ending in a noun, without a leading vague
     * adjective ("other", "new"), every word a content word of letters (no code, no numbers).
     */
    List<int[]> nounPhrases(Tagged t) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            if (!isPhraseWord(t, i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < t.size() && isPhraseWord(t, i)) {
                i++;
            }
            int end = i;
            while (end > start && !isNounish(t, end - 1)) {
                end--;
            }
            while (start < end && t.tags()[start].equals("ADJ") && VAGUE.contains(t.tokens()[start].toLowerCase(Locale.ROOT))) {
                start++;
            }
            if (end > start) {
                out.add(new int[] {start, end});
            }
        }
        return out;
    }

    private boolean isPhraseWord(Tagged t, int i) {
        String lower = t.tokens()[i].toLowerCase(Locale.ROOT);
        boolean shape = lower.length() >= 2 && !lexicon.isStopWord(lower) && !lexicon.isVerb(lower)
                && lower.matches("\\p{L}[\\p{L}-]*\\p{L}") && !lower.contains("--");
        // A word the tagger could not place (PUNCT, X, SYM on a word like "write-ahead") can modify a noun.
        return shape && (isNounish(t, i) || Set.of("ADJ", "PUNCT", "X", "SYM").contains(t.tags()[i]));
    }

    /**
     * A noun, or a word the tagger took for a verb in its base form that is no common verb ("log" in
     * "the write-ahead log keeps order"): the statistical tagger errs on short technical sentences, and
     * the common-verb list corrects the error the way it matters here.
     */
    private boolean isNounish(Tagged t, int i) {
        String tag = t.tags()[i];
        String tok = t.tokens()[i];
        String lower = tok.toLowerCase(Locale.ROOT);
        boolean grammarCapital = i == 0 && tok.substring(1).equals(lower.substring(1)); // "Structure types can …"
        return tag.equals("NOUN") || tag.equals("PROPN") && (tok.equals(lower) || grammarCapital)
                || tag.equals("VERB") && t.lemma(i).equals(lower) && !lexicon.isVerb(lower);
    }

    /** Runs of content words (lower case) between stop words and punctuation. */
    List<List<String>> runs(Sentence s) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (Word w : s.words()) {
            String lower = w.text().toLowerCase(Locale.ROOT);
            if (w.breakBefore() || !isContent(lower)) {
                flush(run, runs);
            }
            if (isContent(lower)) {
                run.add(lower);
            }
        }
        flush(run, runs);
        return runs;
    }

    boolean isContent(String lower) {
        return lower.length() >= 2 && lower.codePoints().anyMatch(Character::isLetter) && !lexicon.isStopWord(lower)
                && !lexicon.isVerb(lower);
    }

    private static void flush(List<String> run, List<List<String>> runs) {
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
            run.clear();
        }
    }

    /** The matching form of a phrase: each word through {@link #key(String)}. */
    static String keyOf(List<String> lowerWords) {
        StringBuilder b = new StringBuilder();
        for (String w : lowerWords) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(key(w));
        }
        return b.toString();
    }

    /** {@code key}'s words with the short forms the document defines written in full. */
    private static String keyIn(String key, Map<String, String> defined) {
        if (defined.isEmpty()) {
            return key;
        }
        List<String> words = new ArrayList<>();
        for (String w : key.split(" ")) {
            words.add(defined.getOrDefault(w, w));
        }
        return String.join(" ", words);
    }

    /**
     * The matching form of a word: a light English singular so "encodings" and "encoding" meet, with a
     * curated programming short form written in full ("structs" and "structure" meet, see
     * {@link Abbreviations}); only a matching key, never shown.
     */
    public static String key(String lower) {
        return Abbreviations.expand(singular(lower));
    }

    /** A light English singular: "encodings" → "encoding", "entries" → "entry", "classes" → "class". */
    static String singular(String lower) {
        int n = lower.length();
        if (n > 4 && lower.endsWith("ies")) {
            return lower.substring(0, n - 3) + "y";
        }
        if (n > 4 && (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes"))) {
            return lower.substring(0, n - 2);
        }
        if (n > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is")
                && !lower.endsWith("'s")) {
            return lower.substring(0, n - 1);
        }
        return lower;
    }

    private static String mostFrequent(Map<String, Integer> surfaces) {
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : surfaces.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
