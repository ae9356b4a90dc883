package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.Severity;
import dev.openkb.client.diagnostics.TextEdits;
import dev.openkb.client.protocol.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb/lint} against the real server jar: findings, published diagnostics, quick fixes, live buffers. */
class LintOverLspTest {
    @TempDir
    Path workspace;

    private static final long WAIT = RealServer.WAIT.toSeconds();

    @Test
    void lintReturnsFindingsPublishesThemAsDiagnosticsAndAQuickFixRepairsTheLink() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            Path page = KbFixture.page(kb, "concepts/rivers.md", "# Rivers\n\nSee [[missing-page]] for more.\n");
            DiagnosticsWaiter waiter = new DiagnosticsWaiter(client.diagnostics());

            Results.LintResult lint = client.lint(kb).get(WAIT, TimeUnit.SECONDS);
            Results.Finding finding = lint.findings().stream()
                    .filter(f -> "broken-link".equals(f.code()) && f.path().endsWith("concepts/rivers.md"))
                    .findFirst().orElseThrow(() -> new AssertionError("no broken-link finding in " + lint.findings()));
            assertEquals(new Results.Range(new Results.Position(6, 4), new Results.Position(6, 20)), finding.range());
            assertTrue(lint.counts().get("broken-link") >= 1);

            KbDiagnostic d = waiter.await(page, ds -> ds.stream().anyMatch(x -> "broken-link".equals(x.code())))
                    .stream().filter(x -> "broken-link".equals(x.code())).findFirst().orElseThrow();
            assertEquals("openkb", d.source());
            assertEquals(finding.range(), d.range());
            assertTrue(d.severity() == Severity.ERROR || d.severity() == Severity.WARNING, d.toString());
            assertTrue(d.data() != null && d.data().isJsonObject(), "quick-fix data kept: " + d);

            List<QuickFix> fixes = client.quickFixes(d).get(WAIT, TimeUnit.SECONDS);
            QuickFix demote = fixes.stream().filter(f -> f.title().startsWith("Demote")).findFirst()
                    .orElseThrow(() -> new AssertionError("no demote fix in " + fixes));
            String fixed = TextEdits.apply(Files.readString(page), demote.edits().get(page));
            assertFalse(fixed.contains("[[missing-page]]"), fixed);
            Files.writeString(page, fixed);

            Results.LintResult again = client.lint(kb).get(WAIT, TimeUnit.SECONDS);
            assertTrue(again.findings().stream().noneMatch(f -> "broken-link".equals(f.code())
                    && f.path().endsWith("concepts/rivers.md")), "still broken: " + again.findings());
            waiter.await(page, ds -> ds.stream().noneMatch(x -> "broken-link".equals(x.code())));
        }
    }

    @Test
    void anUnsavedBufferIsLintedAsTypedAndClosingItGoesBackToTheFileOnDisk() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path kb = KbFixture.init(client, workspace.resolve("kb"));
            Path page = KbFixture.page(kb, "concepts/lakes.md", "# Lakes\n\nClean page.\n");
            client.lint(kb).get(WAIT, TimeUnit.SECONDS);
            DiagnosticsWaiter waiter = new DiagnosticsWaiter(client.diagnostics());
            Predicate<List<KbDiagnostic>> broken = ds -> ds.stream().anyMatch(x -> "broken-link".equals(x.code()));

            String typed = Files.readString(page) + "Now typing [[nowhere]] here.\n";
            client.syncDocument(page, typed);
            KbDiagnostic d = waiter.await(page, broken).stream().filter(x -> "broken-link".equals(x.code())).findFirst().orElseThrow();
            assertEquals(7, d.range().start().line(), "the link is on the buffer's new line");

            client.closeDocument(page); // the file on disk never had the link
            waiter.await(page, broken.negate());
        }
    }

    @Test
    void quickFixesForAFileNobodyLintedAreEmptyNotAnError() throws Exception {
        try (OpenKbClient client = RealServer.client(workspace, new RecordingEvents())) {
            Path outside = Files.writeString(workspace.resolve("loose.md"), "[[x]]\n");
            KbDiagnostic d = new KbDiagnostic(outside, "broken-link", Severity.WARNING,
                    new Results.Range(new Results.Position(0, 0), new Results.Position(0, 5)), "m", "openkb", null);
            assertEquals(List.of(), client.quickFixes(d).get(WAIT, TimeUnit.SECONDS));
        }
    }
}
