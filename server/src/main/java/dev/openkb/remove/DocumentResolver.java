package dev.openkb.remove;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the document a user means, as OpenKB does: an exact {@code name} match, else an exact
 * {@code doc_name}, else a case-insensitive substring of either; none or several is an
 * {@code UNKNOWN_DOCUMENT} error that lists the candidates. An empty or blank identifier is an
 * {@code INVALID_ARGUMENT} error: as a substring it would match every document. Stateless.
 */
public final class DocumentResolver {
    private DocumentResolver() {
    }

    public static RegistryEntry resolve(Registry registry, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "empty document identifier; name a file name or doc_name"
                    + " (see `openkb status`)");
        }
        List<RegistryEntry> all = registry.entries();
        List<RegistryEntry> hits = all.stream().filter(e -> identifier.equals(e.name())).toList();
        if (hits.isEmpty()) {
            hits = all.stream().filter(e -> identifier.equals(e.docName())).toList();
        }
        if (hits.isEmpty()) {
            String needle = identifier.toLowerCase(Locale.ROOT);
            hits = all.stream().filter(e -> contains(e.name(), needle) || contains(e.docName(), needle)).toList();
        }
        if (hits.isEmpty()) {
            throw new KbException(ErrorCode.UNKNOWN_DOCUMENT, null, "No document matching '" + identifier
                    + "' found in the KB. Run `openkb status` or use the doc_name shown by the editor's document list.");
        }
        if (hits.size() > 1) {
            throw new KbException(ErrorCode.UNKNOWN_DOCUMENT, null, "'" + identifier + "' matches " + hits.size()
                    + " documents:\n" + hits.stream().map(e -> "  - " + e.name() + "  (doc_name: " + e.docName() + ")")
                    .collect(Collectors.joining("\n")) + "\nUse a more specific name or the exact doc_name slug.");
        }
        return hits.get(0);
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }
}
