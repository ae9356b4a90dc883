package dev.openkb.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.intellij.lang.annotation.HighlightSeverity;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.Severity;
import dev.openkb.client.protocol.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's own logic that runs without an IDE. */
class PluginPiecesTest {
    @Test
    void theBundledServerJarSitsInServerNextToLib() {
        assertEquals(List.of(Path.of("/ide/plugins/openkb/server/openkb.jar")),
                BundledServer.candidates(Path.of("/ide/plugins/openkb/lib/openkb-intellij-plugin.jar")));
        assertEquals(List.of(), BundledServer.candidates(Path.of("x.jar")));
    }

    @Test
    void jobsAreBlankOrAWholeNumberUpToTheLimit() {
        assertNull(OpenKbSettings.jobsProblem(""));
        assertNull(OpenKbSettings.jobsProblem(" 4 "));
        assertNull(OpenKbSettings.jobsProblem("0"));
        assertEquals("Jobs must be between 0 (server default) and 64.", OpenKbSettings.jobsProblem("65"));
        assertEquals("Jobs must be a whole number, got 'four'.", OpenKbSettings.jobsProblem("four"));
    }

    @Test
    void settingsAreCopiedInAndOutAndZeroJobsMeansTheServerDefault() {
        OpenKbSettings settings = new OpenKbSettings();
        settings.update(" /opt/jdk ", "", 0);
        assertEquals(new OpenKbSettings.Snapshot("/opt/jdk", "", null), settings.snapshot());

        OpenKbSettings.Options stored = settings.getState();
        stored.jobs = 8;
        assertEquals(null, settings.snapshot().jobs(), "changing the returned state must not change the settings");
        settings.loadState(stored);
        assertEquals(8, settings.snapshot().jobs());

        OpenKbSettings.Options bad = new OpenKbSettings.Options();
        bad.javaPath = null;
        bad.jobs = 1000;
        settings.loadState(bad);
        assertEquals(new OpenKbSettings.Snapshot("", "", OpenKbSettings.MAX_JOBS), settings.snapshot());
    }

    @Test
    void diagnosticsBecomeHighlightsOverTheBufferWithTheirFixes() {
        Path page = Path.of("/kb/wiki/concepts/a.md");
        Results.Range link = new Results.Range(new Results.Position(1, 4), new Results.Position(1, 15));
        KbDiagnostic broken = new KbDiagnostic(page, "broken-link", Severity.ERROR, link, "Broken link [[missing]]", "openkb", null);
        Results.Range top = new Results.Range(new Results.Position(0, 0), new Results.Position(0, 0));
        KbDiagnostic orphan = new KbDiagnostic(page, "orphan-page", Severity.INFORMATION, top, "No page links here", "openkb", null);
        QuickFix demote = new QuickFix("Demote [[missing]] to text \"missing\"", true, Map.of());

        List<Highlight> hs = DiagnosticsAnnotatorBase.highlights("# A\nsee [[missing]] here\n",
                List.of(broken, orphan), Map.of(broken, List.of(demote)));

        assertEquals(2, hs.size());
        assertEquals(new Highlight(8, 19, HighlightSeverity.ERROR, "Broken link [[missing]] (broken-link)", List.of(demote)), hs.get(0));
        Highlight o = hs.get(1);
        assertEquals(0, o.start());
        assertEquals(3, o.end(), "an empty range grows to its line");
        assertEquals(HighlightSeverity.WEAK_WARNING, o.severity());
        assertTrue(o.fixes().isEmpty());
    }

    @Test
    void highlightsAreClampedToTheFileAsItIsNow() {
        Highlight h = new Highlight(10, 20, HighlightSeverity.WARNING, "m", List.of());
        assertEquals(10, h.clampedStart(15));
        assertEquals(15, h.clampedEnd(15));
        assertEquals(5, h.clampedStart(5));
        assertEquals(5, h.clampedEnd(5));
    }
}
