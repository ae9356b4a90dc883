package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddTest {
    @TempDir
    Path dir;

    /** A workspace with one KB ({@code kb/}) and three documents outside it ({@code docs/}). */
    private WikiFixture workspace() throws Exception {
        WikiFixture kb = WikiFixture.create(dir.resolve("kb"));
        for (String name : List.of("alpha", "beta", "gamma")) {
            Fixtures.write(dir.resolve("docs").resolve(name + ".md"), "# " + name + "\n\nNotes about " + name + ".\n");
        }
        return kb;
    }

    /** A server whose add of docs/ is held in its first commit (exclusive lock held) until the gate opens. */
    private record HeldAdd(LspHarness h, GatedFileOps gate, CompletableFuture<Protocol.AddResult> pending) {
    }

    private HeldAdd holdAnAdd(WikiFixture kb, boolean workDoneProgress) throws Exception {
        GatedFileOps gate = GatedFileOps.firstRenameInto(kb.layout.rawDir());
        LspHarness h = LspHarness.start(LspHarness.fast(), gate);
        h.initialize(workDoneProgress, dir);
        h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> d.getDiagnostics().size() == 2);
        CompletableFuture<Protocol.AddResult> pending = h.server.add(LspHarness.uris(dir.resolve("docs")));
        gate.awaitReached();
        return new HeldAdd(h, gate, pending);
    }

    private static List<WorkDoneProgressNotification> progressOn(LspHarness h, String token) {
        return h.client.progress().stream().filter(p -> p.getToken().getLeft().equals(token))
                .map(ProgressParams::getValue).map(Either::getLeft).toList();
    }

    private static List<String> stagesOf(LspHarness h, String uri) {
        List<String> out = new ArrayList<>();
        for (Protocol.FileProgress p : h.client.fileProgress()) {
            if (p.uri().equals(uri) && (out.isEmpty() || !out.get(out.size() - 1).equals(p.stage()))) {
                out.add(p.stage());
            }
        }
        return out;
    }

    @Test
    void anHttpUriIsDownloadedByTheEngineAndItsFailureIsOneFailedFileNamingTheUrl() throws Exception {
        workspace();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject params = LspHarness.uris(dir.resolve("docs/alpha.md"));
            params.getAsJsonArray("uris").add("http://127.0.0.1:" + closed + "/paper.pdf");
            Protocol.AddResult r = get(h.server.add(params));
            assertEquals(1, r.added());
            assertEquals(1, r.failed());
            assertEquals("http://127.0.0.1:" + closed + "/paper.pdf", r.files().get(1).uri(), "the URL, not a staging path");
            String reason = r.files().get(1).reason();
            assertTrue(reason.startsWith("DOWNLOAD_FAILED: http://127.0.0.1:" + closed + "/paper.pdf: connection refused"), reason);
        }
    }

    @Test
    void addsAFolderWithBeginOneReportPerStageEventAndEndOnTheClientsToken() throws Exception {
        WikiFixture kb = workspace();
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            JsonObject params = LspHarness.uris(dir.resolve("docs"));
            params.addProperty("workDoneToken", "t-1");
            Protocol.AddResult r = get(h.server.add(params));

            assertEquals(3, r.added());
            assertEquals(List.of("alpha", "beta", "gamma"), r.files().stream().map(Protocol.AddedFile::docName).toList());
            assertEquals(Uris.toUri(dir.resolve("docs/alpha.md")), r.files().get(0).uri());
            assertEquals("added", r.files().get(0).status());
            List<WorkDoneProgressNotification> seq = progressOn(h, "t-1");
            assertInstanceOf(WorkDoneProgressBegin.class, seq.get(0));
            assertInstanceOf(WorkDoneProgressEnd.class, seq.get(seq.size() - 1), "end arrives before the result");
            assertEquals("3 added", ((WorkDoneProgressEnd) seq.get(seq.size() - 1)).getMessage());
            List<WorkDoneProgressReport> reports = seq.subList(1, seq.size() - 1).stream()
                    .map(WorkDoneProgressReport.class::cast).toList();
            assertEquals(h.client.fileProgress().size(), reports.size(), "one report per file stage event");
            assertTrue(reports.stream().anyMatch(x -> x.getMessage().equals("2/3 converting beta.md")), reports.toString());
            assertEquals(100, reports.get(reports.size() - 1).getPercentage());
            for (String name : List.of("alpha", "beta", "gamma")) {
                assertEquals(List.of("queued", "hashing", "converting", "prepared", "committing", "done"),
                        stagesOf(h, Uris.toUri(dir.resolve("docs/" + name + ".md"))), "stages of " + name + " in order");
            }
            Protocol.FileProgress last = h.client.fileProgress().stream()
                    .filter(p -> p.uri().endsWith("gamma.md") && p.stage().equals("done")).findFirst().orElseThrow();
            assertEquals(new Protocol.FileProgress(Uris.toUri(dir.resolve("docs/gamma.md")), "gamma", 3, 3, "done",
                    "added", null, 100, "3/3 added gamma.md", "3 added"), last);
            assertEquals("3 added", r.summary(), "the result carries the summary line every face shows");
            assertTrue(Files.exists(kb.layout.summary("alpha")));
        }
    }

    @Test
    void republishesDiagnosticsOfPagesWhoseLinksTheAddResolved() throws Exception {
        WikiFixture kb = workspace();
        Path notes = Fixtures.write(kb.layout.concept("notes"),
                "---\ntype: \"Concept\"\ndescription: \"n\"\n---\n\n# Notes\n\nSee [[summaries/alpha]].\n");
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(false, dir);
            h.client.awaitDiagnostics(Uris.toUri(notes), d -> d.getDiagnostics().stream()
                    .anyMatch(x -> x.getCode().getLeft().equals("broken-link")));
            get(h.server.add(LspHarness.uris(dir.resolve("docs/alpha.md"))));
            h.client.awaitDiagnostics(Uris.toUri(notes), d -> d.getDiagnostics().stream()
                    .noneMatch(x -> x.getCode().getLeft().equals("broken-link")));
        }
    }

    @Test
    void executeCommandAddReportsOnAServerCreatedTokenWhenTheClientTakesOne() throws Exception {
        workspace();
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(true, dir);
            Object r = get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("openkb.add",
                    List.of(LspHarness.uris(dir.resolve("docs/alpha.md"), dir.resolve("docs/beta.md"))))));
            assertEquals(2.0, ((JsonObject) com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(r)))
                    .get("added").getAsDouble());
            assertEquals(1, h.client.creates().size());
            String token = h.client.creates().get(0).getToken().getLeft();
            List<WorkDoneProgressNotification> seq = h.client.await(() -> progressOn(h, token),
                    s -> !s.isEmpty() && s.get(s.size() - 1) instanceof WorkDoneProgressEnd, java.time.Duration.ofSeconds(20),
                    "progress end");
            assertInstanceOf(WorkDoneProgressBegin.class, seq.get(0));
            assertTrue(((WorkDoneProgressBegin) seq.get(0)).getCancellable());
        }
    }

    @Test
    void aClientThatNeverAnswersCreateStillGetsFileProgressAndTheResult() throws Exception {
        workspace();
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.client.answerCreate(RecordingClient.CreateAnswer.NEVER);
            h.initialize(true, dir);
            Protocol.AddResult r = get(h.server.add(LspHarness.uris(dir.resolve("docs"))));
            assertEquals(3, r.added());
            assertEquals(1, h.client.creates().size());
            assertEquals(List.of(), h.client.progress(), "no $/progress on a token the client never accepted");
            assertEquals(3, h.client.fileProgress().stream().filter(p -> p.stage().equals("done")).count());
        }
    }

    @Test
    void throttledReportsAreSpacedButTheEndAlwaysComes() throws Exception {
        workspace();
        for (int i = 0; i < 30; i++) {
            Fixtures.write(dir.resolve("docs/more-" + i + ".md"), "# More " + i + "\n");
        }
        try (LspHarness h = LspHarness.start(LspHarness.fast().withProgressInterval(java.time.Duration.ofMillis(100)))) {
            h.initialize(false, dir);
            JsonObject params = LspHarness.uris(dir.resolve("docs"));
            params.addProperty("workDoneToken", 7);
            Protocol.AddResult r = get(h.server.add(params));
            assertEquals(33, r.added());
            List<ProgressParams> seq = h.client.progress();
            assertTrue(seq.stream().allMatch(p -> p.getToken().getRight() == 7), "an integer token is kept as is");
            assertInstanceOf(WorkDoneProgressEnd.class, seq.get(seq.size() - 1).getValue().getLeft());
            long reports = seq.stream().filter(p -> p.getValue().getLeft() instanceof WorkDoneProgressReport).count();
            assertTrue(reports >= 1 && reports < h.client.fileProgress().size(),
                    reports + " reports for " + h.client.fileProgress().size() + " events");
        }
    }

    @Test
    void cancelRequestStopsTheAddAndTheResultListsTheCancelledFiles() throws Exception {
        WikiFixture kb = workspace();
        HeldAdd held = holdAnAdd(kb, false);
        try (LspHarness h = held.h()) {
            h.cancelRequest("openkb/add");
            h.roundTrip();
            held.gate().release();
            Protocol.AddResult r = get(held.pending());
            assertEquals(Map.of("alpha", "added", "beta", "cancelled", "gamma", "cancelled"), statuses(r),
                    "the commit under way finishes; the rest is cancelled");
            assertEquals(2, r.cancelled());
            assertNoStaging(kb);
        }
    }

    @Test
    void workDoneProgressCancelOnTheServerTokenCancelsTheAdd() throws Exception {
        WikiFixture kb = workspace();
        HeldAdd held = holdAnAdd(kb, true);
        try (LspHarness h = held.h()) {
            String token = h.client.await(() -> h.client.creates(), c -> !c.isEmpty(), java.time.Duration.ofSeconds(20),
                    "create").get(0).getToken().getLeft();
            h.server.cancelProgress(new WorkDoneProgressCancelParams(Either.forLeft(token)));
            h.roundTrip();
            held.gate().release();
            Protocol.AddResult r = get(held.pending());
            assertEquals(2, r.cancelled());
            assertNoStaging(kb);
        }
    }

    @Test
    void whileAnAddCommitsHoverDiagnosticsAndLintKeepAnswering() throws Exception {
        WikiFixture kb = workspace();
        HeldAdd held = holdAnAdd(kb, false);
        try (LspHarness h = held.h()) {
            assertTrue(get(h.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(WikiFixture.uri(kb.attention())),
                    new org.eclipse.lsp4j.Position(9, 8)))).getContents().getRight().getValue().contains("Softmax"));
            JsonObject lint = get(h.server.lint(null));
            assertEquals(2, lint.getAsJsonObject("counts").get("broken-link").getAsInt());
            h.open(kb.softmax());
            h.change(kb.softmax(), WikiFixture.SOFTMAX + "[[concepts/nope]]\n", 2);
            h.client.awaitDiagnostics(WikiFixture.uri(kb.softmax()), d -> d.getDiagnostics().size() == 1);
            held.gate().release();
            assertEquals(3, get(held.pending()).added());
        }
    }

    @Test
    void shutdownDuringAnAddCancelsItCleanlyBeforeTheServerExits() throws Exception {
        WikiFixture kb = workspace();
        HeldAdd held = holdAnAdd(kb, false);
        try (LspHarness h = held.h()) {
            CompletableFuture<Object> shutdown = h.server.shutdown();
            CompletableFuture<Protocol.StatusResult> refused = h.server.status(null);
            assertTrue(assertThrowsResponse(refused).contains("shutting down"));
            assertTrue(!shutdown.isDone(), "shutdown waits for the add to end");
            held.gate().release();
            Protocol.AddResult r = get(held.pending());
            assertEquals(1, r.added());
            assertEquals(2, r.cancelled());
            get(shutdown);
            h.server.exit();
            assertEquals(0, get(h.exitCode));
            assertNoStaging(kb);
            assertEquals(List.of(), dev.openkb.journal.Recovery.pendingJournals(kb.layout));
        }
    }

    static String assertThrowsResponse(CompletableFuture<?> f) {
        try {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertInstanceOf(org.eclipse.lsp4j.jsonrpc.ResponseErrorException.class, e.getCause());
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected an error response");
    }

    private static Map<String, String> statuses(Protocol.AddResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.files().forEach(f -> m.put(f.uri().replaceAll(".*/(\\w+)\\.md$", "$1"), f.status()));
        return m;
    }

    static void assertNoStaging(WikiFixture kb) throws Exception {
        Path staging = kb.layout.stagingDir();
        if (Files.isDirectory(staging)) {
            try (Stream<Path> s = Files.list(staging)) {
                assertEquals(List.of(), s.toList(), "no staging left");
            }
        }
    }
}
