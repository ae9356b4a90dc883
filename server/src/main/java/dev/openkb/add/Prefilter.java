package dev.openkb.add;

import dev.openkb.kb.DocNames;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The serial, scan-ordered decisions of a batch before any conversion: skip files whose content
 * is already registered or appeared earlier in the batch, and reserve doc names in scan order (an
 * in-memory overlay of the registry) so same-stem files get the names a serial add would give.
 * Confined to the batch coordinator thread.
 */
final class Prefilter {
    /** A decision for one file: either a skip (with the stored doc name) or a reserved name. */
    record Decision(String docName, String registryPath, String skipReason) {
        boolean skipped() {
            return skipReason != null;
        }
    }

    private final KbLayout layout;
    private final Registry registry;
    private Registry overlay;
    private final Map<String, Path> batchHashes = new HashMap<>();

    Prefilter(KbLayout layout, Registry registry) {
        this.layout = layout;
        this.registry = registry;
        this.overlay = registry;
    }

    Decision decide(Path file, String hash) {
        Optional<RegistryEntry> known = registry.get(hash);
        if (known.isPresent()) {
            return new Decision(known.get().docName(), null, "already in the knowledge base as " + known.get().docName());
        }
        Path earlier = batchHashes.get(hash);
        if (earlier != null) {
            return new Decision(null, null, "same content as " + earlier.getFileName() + " earlier in this batch");
        }
        String name = DocNames.resolve(file, layout, overlay);
        String key = DocNames.registryPath(file, layout);
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("name", file.getFileName().toString());
        reservation.put("doc_name", name);
        reservation.put("path", key);
        overlay = overlay.with("batch:" + hash, reservation);
        batchHashes.put(hash, file);
        return new Decision(name, key, null);
    }
}
