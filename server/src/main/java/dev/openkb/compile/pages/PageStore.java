package dev.openkb.compile.pages;

import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages one compile reads and writes. Writes are kept in memory (reads see them) until
 * {@link #flush}, which writes through the mutation's transaction only the pages whose final text
 * differs from the disk: a page rewritten and then given back its backlinks is not touched, so the
 * journal and {@code pagesWritten} name real changes only. Confined to the mutation thread, like the
 * transaction it wraps.
 */
public final class PageStore {
    private final KbLayout layout;
    private final KbTransaction tx;
    private final Map<Path, String> pending = new LinkedHashMap<>();
    private final List<String> written = new ArrayList<>();

    public PageStore(KbLayout layout, KbTransaction tx) {
        this.layout = layout;
        this.tx = tx;
    }

    KbLayout layout() {
        return layout;
    }

    /** The page's current text (pending writes included), or null when it does not exist. */
    public String read(Path p) throws IOException {
        String text = pending.get(p);
        return text != null ? text : disk(p);
    }

    void write(Path p, String text) {
        pending.put(p, text);
    }

    /** Writes the changed pages through the transaction, in first-write order. */
    void flush() throws IOException {
        for (Map.Entry<Path, String> e : pending.entrySet()) {
            if (!e.getValue().equals(disk(e.getKey()))) {
                tx.writeString(e.getKey(), e.getValue());
                written.add(layout.relative(e.getKey()));
            }
        }
        pending.clear();
    }

    /** KB-relative paths flushed so far. */
    public List<String> written() {
        return List.copyOf(written);
    }

    private static String disk(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }
}
