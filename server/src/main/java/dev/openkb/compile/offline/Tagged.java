package dev.openkb.compile.offline;

import java.util.Locale;

/**
 * One sentence as the language models read it: tokens, their Universal Dependencies tags (NOUN,
 * PROPN, ADJ, VERB, AUX, DET, ...) and lemmas, index for index. Arrays are never changed after
 * construction.
 */
record Tagged(String[] tokens, String[] tags, String[] lemmas) {
    int size() {
        return tokens.length;
    }

    boolean isNoun(int i) {
        return tags[i].equals("NOUN");
    }

    boolean hasVerb() {
        for (String t : tags) {
            if (t.startsWith("VERB") || t.startsWith("AUX")) {
                return true;
            }
        }
        return false;
    }

    /** The lemma in lower case; the token itself where the lemmatizer gave none. */
    String lemma(int i) {
        String l = lemmas[i];
        return (l == null || l.isEmpty() || l.equals("O") ? tokens[i] : l).toLowerCase(Locale.ROOT);
    }
}
