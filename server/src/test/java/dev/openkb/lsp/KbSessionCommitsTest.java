package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.remove.RemoveOptions;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mutation committed by the engine announces the paths it touched, and the session's snapshot
 * follows from exactly those: no request reloads it, and files whose findings did not change get no
 * new diagnostics.
 */
class KbSessionCommitsTest {
    private static final String NOTES = """
            # Transformer notes

            The transformer architecture relies on attention. Attention lets every token weigh every
            other token, and the weights come from a softmax over scaled dot products.
            """;

    @TempDir
    Path dir;

    @Test
    void anEngineCommitUpdatesTheSnapshotFromTheTouchedPathsAndRepublishesOnlyChangedFindings() throws Exception {
        WikiFixture kb = WikiFixture.create(dir.resolve("kb"));
        Path notes = Fixtures.write(dir.resolve("in/notes.md"), NOTES);
        RecordingClient client = new RecordingClient();
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { });
             Outbox outbox = new Outbox()) {
            outbox.connect(client);
            KbService service = engine.kb(kb.layout);
            try (KbSession session = new KbSession(service, new OpenDocuments(), outbox)) {
                session.reload().join();
                outbox.flushed().join();
                String attention = Uris.toUri(kb.attention());
                assertEquals(1, client.diagnosticsFor(attention).size(), "the broken links of attention.md, once");

                AddReport added = service.add(List.of(notes), 1, ProgressListener.NONE, CancelToken.none());
                assertEquals(1, added.added());
                session.settled().join();
                outbox.flushed().join();
                assertTrue(session.snapshot().index().page("wiki/summaries/notes.md").isPresent(),
                        "the committed summary is in the snapshot without a reload");
                assertTrue(indexLinks(session, "summaries/notes"), "index.md as the commit left it");
                assertEquals(1, client.diagnosticsFor(attention).size(), "attention.md's findings did not change: not sent again");

                service.remove("notes", new RemoveOptions(false, false, false), CancelToken.none());
                session.settled().join();
                assertFalse(session.snapshot().index().page("wiki/summaries/notes.md").isPresent(),
                        "the removed summary left the snapshot");
                assertFalse(indexLinks(session, "summaries/notes"), "index.md as the remove left it");
            }
        }
    }

    private static boolean indexLinks(KbSession session, String target) {
        return session.snapshot().index().page("wiki/index.md").orElseThrow().links().stream()
                .anyMatch(l -> l.target().equals(target));
    }
}
