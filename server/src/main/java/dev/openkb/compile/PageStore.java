package dev.openkb.compile;

import dev.openkb.journal.KbTransaction;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads wiki pages from the live KB and writes them through the mutation's transaction, skipping
 * writes that would not change a byte (so the journal and {@code pagesWritten} only name real
 * changes). Confined to the mutation thread, like the transaction it wraps.
 */
final class PageStore {
    private final KbLayout layout;
    private final KbTransaction tx;
    private final Set<String> written = new LinkedHashSet<>();

    PageStore(KbLayout layout, KbTransaction tx) {
        this.layout = layout;
        this.tx = tx;
    }

    KbLayout layout() {
        return layout;
    }

    /** The file's text, or null when it does not exist. */
    String read(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }

    void write(Path p, String text) throws IOException {
        if (text.equals(read(p))) {
            return;
        }
        tx.writeString(p, text);
        written.add(layout.relative(p));
    }

    List<String> written() {
        return new ArrayList<>(written);
    }
}
