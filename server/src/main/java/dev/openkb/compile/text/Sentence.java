package dev.openkb.compile.text;

import java.util.List;

/**
 * One sentence of a document, markdown already stripped.
 *
 * @param text  the sentence on one line
 * @param words its words in order
 * @param kind  what it is: prose, a heading (counted for phrases, never quoted or mined for names) or a
 *              table row (counted for phrases and names, quoted as a mention, never a lead or passage)
 */
public record Sentence(String text, List<Word> words, Kind kind) {
    public Sentence {
        words = List.copyOf(words);
    }

    public boolean heading() {
        return kind == Kind.HEADING;
    }

    /** Where a sentence came from; it decides what the compiler may use it for. */
    public enum Kind {
        PROSE, HEADING, ROW
    }
}
