package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
    @TempDir
    Path dir;

    /** A server on the fixture KB, past its first publication of attention.md's two broken links. */
    private LspHarness started(WikiFixture kb, java.time.Duration debounce) throws Exception {
        LspHarness h = LspHarness.start(LspHarness.fast().withDiagnosticsDelay(debounce));
        h.initialize(false, dir);
        h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> d.getDiagnostics().size() == 2);
        return h;
    }

    @Test
    void publishesBrokenLinksOfTheKbAtStartWithExactRangesCodesAndData() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> true);
            List<Diagnostic> ds = p.getDiagnostics();
            assertEquals(2, ds.size(), ds.toString());
            Diagnostic candidate = ds.get(0);
            int line = 7;
            int col = WikiFixture.ATTENTION.lines().toList().get(line).indexOf("[[concepts/Self_Attention]]");
            assertEquals(new Range(new Position(line, col), new Position(line, col + "[[concepts/Self_Attention]]".length())),
                    candidate.getRange());
            assertEquals("broken-link", candidate.getCode().getLeft());
            assertEquals("openkb", candidate.getSource());
            assertEquals(DiagnosticSeverity.Warning, candidate.getSeverity());
            assertEquals("concepts/self-attention", ((JsonObject) candidate.getData()).get("candidate").getAsString());
            assertTrue(candidate.getMessage().getLeft().contains("did you mean [[concepts/self-attention]]"),
                    candidate.getMessage().getLeft());
            Diagnostic missing = ds.get(1);
            assertEquals("missing", ((JsonObject) missing.getData()).get("reason").getAsString());
            assertEquals(h.client.diagnosticsFor(WikiFixture.uri(kb.softmax())), List.of(),
                    "a clean page gets no publication at all");
        }
    }

    @Test
    void lintsTheUnsavedBufferAndClearsWhatBecameCleanOnlyForFilesThatChanged() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ZERO)) {
            String softmax = WikiFixture.uri(kb.softmax());
            String attention = WikiFixture.uri(kb.attention());
            h.open(kb.softmax());
            String broken = WikiFixture.SOFTMAX + "Also [[concepts/nowhere]].\n";
            h.change(kb.softmax(), broken, 2);
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(softmax, d -> d.getDiagnostics().size() == 1);
            assertEquals(2, p.getVersion(), "diagnostics carry the buffer version they were computed from");
            assertEquals(new Range(new Position(9, 5), new Position(9, 25)), p.getDiagnostics().get(0).getRange());
            assertEquals(WikiFixture.SOFTMAX, Fixtures.read(kb.softmax()), "the disk is untouched");

            h.change(kb.softmax(), WikiFixture.SOFTMAX, 3);
            p = h.client.awaitDiagnostics(softmax, d -> d.getDiagnostics().isEmpty());
            assertEquals(3, p.getVersion());
            assertEquals(1, h.client.diagnosticsFor(attention).size(), "attention.md did not change: not republished");
        }
    }

    @Test
    void appliesIncrementalEditsWithUtf16Columns() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ZERO)) {
            String uri = WikiFixture.uri(kb.attention());
            h.open(kb.attention());
            String line = WikiFixture.ATTENTION.lines().toList().get(7);
            int from = line.indexOf("[[concepts/missing-page]]");
            h.edit(kb.attention(), 2, 7, from, from + "[[concepts/missing-page]]".length(), "[[concepts/softmax]]");
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == 1);
            assertEquals("concepts/Self_Attention", ((JsonObject) p.getDiagnostics().get(0).getData()).get("link").getAsString());
            h.edit(kb.attention(), 3, 7, 0, 0, "😀 ");
            p = h.client.awaitDiagnostics(uri, d -> d.getVersion() == 3);
            int col = line.indexOf("[[concepts/Self_Attention]]") + 3;
            assertEquals(col, p.getDiagnostics().get(0).getRange().getStart().getCharacter(),
                    "an emoji is two UTF-16 units plus the space");
        }
    }

    @Test
    void aNewPageMakesIndexMdReportItAndClosingTheBufferRevertsToTheDisk() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ZERO)) {
            String index = WikiFixture.uri(kb.index());
            Path fresh = kb.layout.concept("fresh");
            h.open(fresh, "---\ntype: \"Concept\"\ndescription: \"New.\"\n---\n\n# Fresh\n\n[[concepts/attention]]\n", 1);
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(index, d -> d.getDiagnostics().size() == 1);
            Diagnostic d = p.getDiagnostics().get(0);
            assertEquals("index-missing-page", d.getCode().getLeft());
            assertEquals(new Range(new Position(4, 0), new Position(4, 11)), d.getRange(), "on the ## Concepts heading");
            h.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(
                    new TextDocumentIdentifier(WikiFixture.uri(fresh))));
            h.client.awaitDiagnostics(index, x -> x.getDiagnostics().isEmpty());
        }
    }

    @Test
    void watchedFileChangesOnDiskRefreshTheIndex() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ZERO)) {
            String attention = WikiFixture.uri(kb.attention());
            Fixtures.write(kb.layout.concept("missing-page"),
                    "---\ntype: \"Concept\"\ndescription: \"Now here.\"\n---\n\n# Missing\n\n[[concepts/attention]]\n");
            h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(WikiFixture.uri(kb.layout.concept("missing-page")), FileChangeType.Created))));
            h.client.awaitDiagnostics(attention, d -> d.getDiagnostics().size() == 1);
            Files.delete(kb.layout.concept("missing-page"));
            h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(WikiFixture.uri(kb.layout.concept("missing-page")), FileChangeType.Deleted))));
            h.client.awaitDiagnostics(attention, d -> d.getDiagnostics().size() == 2);
        }
    }

    @Test
    void debouncesBurstsOfChangesAndPublishesTheLastVersionOnly() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ofMillis(150))) {
            String softmax = WikiFixture.uri(kb.softmax());
            h.open(kb.softmax());
            for (int v = 2; v <= 30; v++) {
                h.change(kb.softmax(), WikiFixture.SOFTMAX + "[[concepts/gone-" + v + "]]\n", v);
            }
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(softmax, d -> d.getVersion() == 30);
            assertEquals(1, p.getDiagnostics().size());
            assertTrue(p.getDiagnostics().get(0).getMessage().getLeft().contains("gone-30"));
            assertTrue(h.client.diagnosticsFor(softmax).size() < 5,
                    "a burst is linted once or a few times, not 29 times: " + h.client.diagnosticsFor(softmax).size());
        }
    }
    @Test
    void aPageWithThousandsOfFindingsGetsTheFirstThousandAndOneDiagnosticSayingHowManyAreLeftOut() throws Exception {
        WikiFixture kb = WikiFixture.create(dir);
        try (LspHarness h = started(kb, java.time.Duration.ZERO)) {
            Path page = kb.layout.concept("huge");
            StringBuilder text = new StringBuilder("---\ntype: \"Concept\"\ndescription: \"Huge.\"\n---\n\n# Huge\n\n");
            for (int i = 0; i < 3_000; i++) {
                text.append("[[concepts/gone-").append(i).append("]]\n");
            }
            h.open(page, text.toString(), 1);
            PublishDiagnosticsParams p = h.client.awaitDiagnostics(WikiFixture.uri(page), d -> true);
            List<Diagnostic> ds = p.getDiagnostics();
            assertEquals(1_001, ds.size(), "1,000 findings and one that counts the rest");
            assertTrue(ds.subList(0, 1_000).stream().allMatch(d -> d.getCode().getLeft().equals("broken-link")));
            assertEquals("concepts/gone-999", ((JsonObject) ds.get(999).getData()).get("link").getAsString(),
                    "the first thousand in document order");
            Diagnostic more = ds.get(1_000);
            assertEquals("too-many-findings", more.getCode().getLeft());
            assertEquals(DiagnosticSeverity.Information, more.getSeverity());
            assertEquals("2000", ((JsonObject) more.getData()).get("omitted").getAsString());
            assertTrue(more.getMessage().getLeft().contains("2,000 more finding(s)"), more.getMessage().getLeft());
            assertEquals(new Range(new Position(0, 0), new Position(0, 0)), more.getRange());
        }
    }
}
