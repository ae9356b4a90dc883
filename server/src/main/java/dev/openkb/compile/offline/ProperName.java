package dev.openkb.compile.offline;

/**
 * A proper name found in a document's prose.
 *
 * @param key     the name in lower case, single-spaced (the matching form)
 * @param surface how the document most often writes it ("Google Brain", "NASA")
 * @param count   mentions in the document
 */
public record ProperName(String key, String surface, int count) {
}
