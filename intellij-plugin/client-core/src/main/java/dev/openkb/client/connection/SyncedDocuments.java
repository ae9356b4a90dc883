package dev.openkb.client.connection;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editor buffers this client has opened on the server, with the version and text last sent. Kept across
 * server restarts so a new server gets them all again. Guarded by {@code this}.
 */
final class SyncedDocuments {
    /** One buffer as last sent; {@code opened} is true for the first send (didOpen rather than didChange). */
    record Doc(Path file, int version, String text, boolean opened) {
    }

    private final Map<Path, Doc> docs = new LinkedHashMap<>();

    /** Records new text; returns what to send, or null when the server already has exactly this text. */
    synchronized Doc update(Path file, String text) {
        Doc before = docs.get(file);
        if (before != null && before.text().equals(text)) {
            return null;
        }
        Doc next = new Doc(file, before == null ? 1 : before.version() + 1, text, before == null);
        docs.put(file, next);
        return next;
    }

    /** True when the file was open (and so must be closed on the server). */
    synchronized boolean close(Path file) {
        return docs.remove(file) != null;
    }

    synchronized boolean isOpen(Path file) {
        return docs.containsKey(file);
    }

    /** Everything open, for a new server (each entry as a didOpen of its latest text). */
    synchronized Map<Path, Doc> all() {
        return Map.copyOf(docs);
    }
}
