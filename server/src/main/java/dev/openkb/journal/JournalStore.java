package dev.openkb.journal;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Durable writes of journal files into {@code .openkb/journal/}: each write is an atomic replace
 * whose data and folder entry are forced before it returns, because the journal is the recovery
 * signal and must be on disk before any KB path changes. Stateless apart from its collaborators.
 */
final class JournalStore {
    private final KbLayout layout;
    private final AtomicFiles files;

    JournalStore(KbLayout layout, AtomicFiles files) {
        this.layout = layout;
        this.files = files;
    }

    Path pathOf(String id) {
        return layout.journalDir().resolve(id + ".json");
    }

    /** Writes the record durably (creating the journal folder, and syncing its parent, the first time). */
    void write(JournalRecord r) throws IOException {
        Path dir = layout.journalDir();
        // A planted .openkb/journal symlink would put our journal, and later deletes, outside the KB.
        new KbPathGuard(layout.root()).requireReal(dir, false);
        if (!Files.isDirectory(dir)) {
            files.createDirectories(dir);
            files.ops().syncDirectory(dir.getParent());
        }
        byte[] bytes = JournalCodec.encode(r).getBytes(StandardCharsets.UTF_8);
        files.write(pathOf(r.id()), new ByteArrayInputStream(bytes), dir, true);
    }

    void delete(String id) throws IOException {
        files.ops().delete(pathOf(id));
    }
}
