package dev.openkb.compile.offline;

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
 * Statistical key phrases of one document, RAKE-style: stop words and punctuation cut the text into
 * runs of content words; each word scores degree/frequency over those runs; every 1-4 word n-gram of
 * a run is a candidate scored by its words' scores times its count. Common verbs cut runs like stop
 * words ("the guide covers crash recovery" gives "guide", "crash recovery"), and no phrase ends in a
 * past form ("wisconsin showed"). A multi-word phrase may occur once (several documents that each name
 * "write-ahead log" once share a subject; the score still ranks repeated phrases first). A single word
 * must occur three times, not be a generic noun, and end its run at least a third of the time: a word
 * that almost always modifies the next one ("write-ahead" in "write-ahead log") is a fragment, not a
 * subject; a single word that never occurs outside one longer kept phrase gives way to it. Shorter
 * phrases inside longer ones are kept: which of them is the shared subject is for the compiler to
 * decide across documents. Deterministic: ties break on the key.
 * Stateless apart from its immutable {@link Lexicon}.
 */
public final class KeyPhrases {
    static final int MAX_WORDS = 4;
    private final Lexicon lexicon;

    KeyPhrases(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<KeyPhrase> extract(DocText doc, int limit) {
        Map<String, Integer> freq = new HashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> runEnds = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (Sentence s : doc.sentences()) {
            for (List<String> run : runs(s)) {
                runEnds.merge(key(run.get(run.size() - 1)), 1, Integer::sum);
                for (String w : run) {
                    String k = key(w);
                    freq.merge(k, 1, Integer::sum);
                    degree.merge(k, Math.min(run.size(), MAX_WORDS), Integer::sum);
                }
                for (int n = 1; n <= Math.min(MAX_WORDS, run.size()); n++) {
                    for (int i = 0; i + n <= run.size(); i++) {
                        List<String> gram = run.subList(i, i + n);
                        String k = keyOf(gram);
                        count.merge(k, 1, Integer::sum);
                        surfaces.computeIfAbsent(k, x -> new TreeMap<>()).merge(String.join(" ", gram), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> kept = new HashSet<>();
        count.forEach((k, c) -> {
            String[] words = k.split(" ");
            boolean ok = words.length > 1
                    || c >= 3 && k.length() >= 4 && !lexicon.isGeneric(k) && runEnds.getOrDefault(k, 0) * 3 >= c;
            if (ok && !isPastForm(words[words.length - 1])) {
                kept.add(k);
            }
        });
        Set<String> dominated = new HashSet<>();
        for (String longer : kept) {
            String[] w = longer.split(" ");
            for (String sub : w) {
                if (w.length > 1 && kept.contains(sub) && count.get(longer) >= count.get(sub)) {
                    dominated.add(sub);
                }
            }
        }
        List<KeyPhrase> out = new ArrayList<>();
        for (String k : kept) {
            if (dominated.contains(k)) {
                continue;
            }
            double wordScores = 0;
            for (String w : k.split(" ")) {
                wordScores += (double) degree.get(w) / freq.get(w);
            }
            out.add(new KeyPhrase(k, mostFrequent(surfaces.get(k)), count.get(k), wordScores * count.get(k)));
        }
        out.sort(Comparator.comparingDouble(KeyPhrase::score).reversed().thenComparing(KeyPhrase::key));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
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

    /** "showed", "changed": a clause's verb, never the head of a noun phrase ("speed" and "need" are not). */
    private boolean isPastForm(String key) {
        return key.length() >= 5 && key.endsWith("ed") && !key.endsWith("eed") && !lexicon.isGeneric(key);
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

    /** A light English singular so "encodings" and "encoding" meet; only a matching key, never shown. */
    public static String key(String lower) {
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
