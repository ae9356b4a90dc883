package dev.openkb.compile;

import java.util.List;

/**
 * One sentence of a document, markdown already stripped.
 *
 * @param text    the sentence on one line
 * @param words   its words in order
 * @param heading true for a heading's text (counted for phrases, never quoted or mined for names)
 */
record Sentence(String text, List<Word> words, boolean heading) {
    Sentence {
        words = List.copyOf(words);
    }
}
