package dev.openkb.client.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsStoreTest {
    private static KbDiagnostic diag(Path file, String code) {
        Results.Range r = new Results.Range(new Results.Position(0, 0), new Results.Position(0, 1));
        return new KbDiagnostic(file, code, Severity.WARNING, r, code, "openkb", null);
    }

    @Test
    void eachPublishReplacesTheFilesListAndAnEmptyOneClearsIt() {
        DiagnosticsStore store = new DiagnosticsStore();
        Path a = Path.of("/kb/wiki/a.md");
        List<Path> told = new ArrayList<>();
        Runnable unsubscribe = store.subscribe(told::add);

        store.publish(a, List.of(diag(a, "broken-link"), diag(a, "orphan-page")));
        store.publish(a, List.of(diag(a, "orphan-page")));
        assertEquals(List.of("orphan-page"), store.forFile(a).stream().map(KbDiagnostic::code).toList());

        store.publish(a, List.of());
        assertTrue(store.forFile(a).isEmpty());
        assertTrue(store.files().isEmpty());
        assertEquals(List.of(a, a, a), told);

        unsubscribe.run();
        store.publish(a, List.of(diag(a, "x")));
        assertEquals(3, told.size());
    }

    @Test
    void pathsAreNormalisedSoDifferentSpellingsMeetTheSameFile() {
        DiagnosticsStore store = new DiagnosticsStore();
        store.publish(Path.of("/kb/wiki/../wiki/a.md"), List.of(diag(Path.of("/kb/wiki/a.md"), "x")));
        assertEquals(1, store.forFile(Path.of("/kb/wiki/a.md")).size());
    }

    @Test
    void clearTellsListenersAboutEveryFileThatHadDiagnostics() {
        DiagnosticsStore store = new DiagnosticsStore();
        Path a = Path.of("/kb/wiki/a.md");
        Path b = Path.of("/kb/wiki/b.md");
        store.publish(a, List.of(diag(a, "x")));
        store.publish(b, List.of(diag(b, "y")));
        List<Path> told = new ArrayList<>();
        store.subscribe(told::add);
        store.clear();
        assertEquals(2, told.size());
        assertTrue(store.files().isEmpty());
    }
}
