package dev.openkb.client.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The diagnostics the server last published, per file. Each publish replaces a file's list, as LSP says; an
 * empty list clears it. Written by the LSP4J listener thread, read by annotators on any thread: the map is
 * concurrent and the lists are immutable, so readers never lock. Listeners are told which file changed.
 */
public final class DiagnosticsStore {
    private final ConcurrentHashMap<Path, List<KbDiagnostic>> byFile = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Path>> listeners = new CopyOnWriteArrayList<>();

    public void publish(Path file, List<KbDiagnostic> diagnostics) {
        Path key = file.toAbsolutePath().normalize();
        if (diagnostics.isEmpty()) {
            byFile.remove(key);
        } else {
            byFile.put(key, List.copyOf(diagnostics));
        }
        for (Consumer<Path> l : listeners) {
            l.accept(key);
        }
    }

    /** The file's diagnostics, in the order the server sent them; empty when none. */
    public List<KbDiagnostic> forFile(Path file) {
        return byFile.getOrDefault(file.toAbsolutePath().normalize(), List.of());
    }

    public Set<Path> files() {
        return Set.copyOf(byFile.keySet());
    }

    /** Forgets everything (a new server publishes afresh) and tells listeners about each file that had some. */
    public void clear() {
        for (Path file : files()) {
            publish(file, List.of());
        }
    }

    /** Registers a listener; returns what unregisters it. */
    public Runnable subscribe(Consumer<Path> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
