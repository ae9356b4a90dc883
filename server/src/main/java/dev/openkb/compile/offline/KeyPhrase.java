package dev.openkb.compile.offline;

/**
 * A key phrase of one document.
 *
 * @param key     the matching form: lower case, each word singularised ("positional encoding")
 * @param surface how the document most often writes it, lower case ("positional encodings")
 * @param count   occurrences in the document
 * @param score   RAKE word scores summed, times the count
 */
public record KeyPhrase(String key, String surface, int count, double score) {
}
