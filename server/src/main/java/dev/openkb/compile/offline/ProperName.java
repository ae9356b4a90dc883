package dev.openkb.compile.offline;

/**
 * A proper name found in a document's prose.
 *
 * @param key     the name in lower case, single-spaced (the matching form)
 * @param surface how the document most often writes it ("Google Brain", "NASA")
 * @param count   mentions in the document
 * @param stated  the entity type the document's own sentences give it ("GLib is a library" →
 *                product, see {@link StatedTypes}), "" when they say nothing of what it is
 */
public record ProperName(String key, String surface, int count, String stated) {
    public ProperName(String key, String surface, int count) {
        this(key, surface, count, "");
    }

    ProperName withStated(String type) {
        return new ProperName(key, surface, count, type);
    }
}
