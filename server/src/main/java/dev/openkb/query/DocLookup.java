package dev.openkb.query;

import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The raw file name of a document, by the doc name its summary and source pages carry, from
 * {@code hashes.json}. The registry is re-read only when the file changed (its identity, size or
 * time), so a running server answers queries without parsing a large registry each time.
 *
 * <p>Threading: thread-safe; {@code stamp} and {@code names} are guarded by this object's monitor.
 */
final class DocLookup {
    private final KbLayout layout;
    private String stamp;
    private Map<String, String> names = Map.of();

    DocLookup(KbLayout layout) {
        this.layout = layout;
    }

    /** {@code summaries/<doc>} or {@code sources/<doc>} → the document's file name; null for other pages or an unknown doc. */
    synchronized String docOf(String page) {
        String doc;
        if (page.startsWith("summaries/")) {
            doc = page.substring("summaries/".length());
        } else if (page.startsWith("sources/")) {
            doc = page.substring("sources/".length());
        } else {
            return null;
        }
        refresh();
        return names.get(doc);
    }

    private void refresh() {
        String now;
        try {
            BasicFileAttributes a = Files.readAttributes(layout.hashes(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            now = a.fileKey() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            now = "missing";
        }
        if (now.equals(stamp)) {
            return;
        }
        Map<String, String> m = new HashMap<>();
        try {
            for (RegistryEntry e : Registry.load(layout).entries()) {
                if (e.docName() != null && e.name() != null) {
                    m.putIfAbsent(e.docName(), e.name());
                }
            }
        } catch (RuntimeException unreadable) {
            // A registry that cannot be read leaves documents unnamed in answers; status and lint report it.
        }
        names = m;
        stamp = now;
    }
}
