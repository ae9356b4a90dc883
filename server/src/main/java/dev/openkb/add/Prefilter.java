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

    /** The registry key of a scanned file: its URL when downloaded, else its path (KB-relative inside the KB). */
    static String registryKey(ScannedFile f, KbLayout layout) {
        return f.url() != null ? f.url() : DocNames.registryPath(f.path(), layout);
    }

    /** The doc name Scheme A gives a scanned file against {@code registry} (a URL keeps its document). */
    static String docName(ScannedFile f, KbLayout layout, Registry registry) {
        if (f.url() == null) {
            return DocNames.resolve(f.path(), layout, registry);
        }
        return DocNames.resolveFromKey(dev.openkb.convert.StagedFiles.stem(f.path()), f.url(), registry);
    }

    Decision decide(ScannedFile f, String hash) {
        Path file = f.path();
        Optional<RegistryEntry> known = registry.get(hash);
        if (known.isPresent()) {
            return new Decision(known.get().docName(), null, "already in the knowledge base as " + known.get().docName());
        }
        Path earlier = batchHashes.get(hash);
        if (earlier != null) {
            return new Decision(null, null, "same content as " + earlier.getFileName() + " earlier in this batch");
        }
        String name = docName(f, layout, overlay);
        String key = registryKey(f, layout);
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("name", file.getFileName().toString());
        reservation.put("doc_name", name);
        reservation.put("path", key);
        overlay = overlay.with("batch:" + hash, reservation);
        batchHashes.put(hash, file);
        return new Decision(name, key, null);
    }
}
