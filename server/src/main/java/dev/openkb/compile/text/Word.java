package dev.openkb.compile.text;

/**
 * One word of a sentence as written.
 *
 * @param text        the word (letters/digits with inner {@code ' . - &})
 * @param breakBefore true when punctuation separates it from the previous word (a phrase boundary)
 */
public record Word(String text, boolean breakBefore) {
}
