package dev.openkb.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class SummariesTest {
    private static Results.AddedFile file(String name, String status, String reason) {
        return new Results.AddedFile("file:///in/" + name, null, status, reason);
    }

    @Test
    void anAddListsWhatWasNotAdded() {
        Summary s = Summaries.add(new Results.AddResult(2, 1, 1, 0, List.of(file("a.md", "added", null),
                file("b.md", "added", null), file("c.md", "skipped", "already in the knowledge base"),
                file("d.xyz", "failed", "unsupported file type")), List.of(), null, 0, "2 added, 1 skipped, 1 failed"));
        assertEquals(Summary.Level.ERROR, s.level());
        assertEquals("2 added, 1 skipped, 1 failed", s.title(), "the server's summary line, word for word");
        assertEquals("c.md: skipped (already in the knowledge base)\nd.xyz: failed (unsupported file type)", s.body());
    }

    @Test
    void aCancelledAddIsAWarningAndLongListsAreCut() {
        List<Results.AddedFile> files = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            files.add(file("f" + i + ".md", "cancelled", null));
        }
        Summary s = Summaries.add(new Results.AddResult(1, 0, 0, 14, files, null, null, 1, "1 added, 14 cancelled, 1 unsupported"));
        assertEquals(Summary.Level.WARNING, s.level());
        assertEquals("1 added, 14 cancelled, 1 unsupported", s.title());
        assertTrue(s.body().endsWith("and 4 more"), s.body());
    }

    @Test
    void anAddCancelledBeforeItsFirstCommitIsAWarningAndOtherFailuresAreErrors() {
        ResponseErrorException cancelled = new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestCancelled,
                "CANCELLED: /kb/.openkb/ingest.lock: cancelled while waiting for the KB lock", null));
        Summary s = Summaries.addFailed(new ExecutionException(cancelled));
        assertEquals(Summary.Level.WARNING, s.level());
        assertEquals("Add cancelled", s.title());

        ResponseErrorException bad = new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "openkb/add: no such file or folder: /x/nope.md", null));
        Summary f = Summaries.addFailed(new ExecutionException(bad));
        assertEquals(Summary.Level.ERROR, f.level());
        assertEquals("openkb/add: no such file or folder: /x/nope.md", f.body());
    }

    @Test
    void recoverSaysWhatItDidOrThatThereWasNothing() {
        assertEquals("Nothing to recover", Summaries.recover(new Results.RecoverResult("/kb", List.of(), 0, 0, List.of(), List.of(), null)).title());
        Summary s = Summaries.recover(new Results.RecoverResult("/kb",
                List.of(new Results.RolledBack("j1", "add", null)), 1, 2, List.of(), List.of(), List.of()));
        assertEquals(Summary.Level.INFO, s.level());
        assertEquals("Rolled back 1 unfinished operation (add).\nDiscarded 1 finished journal.\n"
                + "Reclaimed 2 leftover staging folders.", s.body());
        Summary failed = Summaries.recover(new Results.RecoverResult("/kb", List.of(), 0, 0, List.of("j2: unreadable"), List.of(), List.of()));
        assertEquals(Summary.Level.ERROR, failed.level());
        assertEquals("Recovery incomplete", failed.title());
    }

    @Test
    void recoverWarnsAboutJournalsItSetAsideNamingEachWithItsReason() {
        Summary s = Summaries.recover(new Results.RecoverResult("/kb", List.of(), 0, 0, List.of(), List.of(),
                List.of("x9.json: path leaves the KB: ../home")));
        assertEquals(Summary.Level.WARNING, s.level());
        assertEquals("Knowledge base recovered; journals set aside", s.title());
        assertEquals("Set aside in .openkb/journal/quarantine (not applied; review, then delete): x9.json: path leaves the KB: ../home",
                s.body());
    }

    @Test
    void lintCountsFindingsByCode() {
        Results.Finding f = new Results.Finding("broken-link", "error", "wiki/a.md", null, "m", null);
        Summary s = Summaries.lint(new Results.LintResult(List.of(f, f), Map.of("broken-link", 2, "orphan-page", 0)));
        assertEquals("2 lint findings", s.title());
        assertEquals("2 × broken-link", s.body());
        assertEquals(Summary.Level.WARNING, s.level());
        assertEquals("No lint findings", Summaries.lint(new Results.LintResult(List.of(), Map.of())).title());
    }
}
