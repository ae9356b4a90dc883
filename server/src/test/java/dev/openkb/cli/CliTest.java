package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.PythonJson;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void initStatusAndRecoverWorkOnAFreshKb() {
        Path kb = dir.resolve("kb");
        CliRun init = run("init", kb.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().startsWith("Initialized knowledge base at " + kb));
        CliRun status = run("status", "--kb", kb.toString());
        assertEquals(0, status.code());
        assertTrue(status.out().contains("Total indexed: 0 document(s)") && status.out().contains("Pending journals: none"), status.out());
        assertEquals("Nothing to recover.\n", run("recover", "--kb", kb.toString()).out());
        assertEquals(1, run("init", kb.toString()).code(), "a second init refuses");
    }

    /** Issue 12: a cloned KB with a planted finished journal whose backup folder is outside it. */
    @Test
    void recoverSetsAPlantedJournalAsideInsteadOfDeletingOutsideAndStatusShowsIt() throws Exception {
        var kb = Fixtures.kb(dir.resolve("kb"));
        Path precious = Fixtures.write(dir.resolve("home/precious.txt"), "must survive");
        String id = "0194a1b2c3d47e5f8a9b0c1d2e3f4a5b";
        Fixtures.write(kb.journalDir().resolve(id + ".json"), PythonJson.dumpIndented(Map.of("version", 1, "status", "committed",
                "kb_dir", kb.root().toString(), "backup_dir", precious.getParent().toString(), "entries", List.of(),
                "writer", "openkb-java", "backup_dir_rel", "../home")));

        CliRun recover = run("recover", "--kb", kb.root().toString());

        assertEquals(1, recover.code(), recover.out());
        assertTrue(recover.out().startsWith("Unrecoverable mutation journal " + id + ".json (path leaves the KB: ../home); set aside in .openkb/journal/quarantine"), recover.out());
        assertTrue(!recover.out().contains("Cleaned"), recover.out());
        assertEquals("must survive", Files.readString(precious));
        CliRun status = run("status", "--kb", kb.root().toString());
        assertTrue(status.out().contains("Pending journals: none\nQuarantined journals: 1 in .openkb/journal/quarantine")
                && status.out().contains("  " + id + ".json: path leaves the KB: ../home"), status.out());
        assertEquals("Nothing to recover.\n", run("recover", "--kb", kb.root().toString()).out(), "it never blocks later commands");
    }

    @Test
    void commandsOutsideAKbExitTwoWithAClearMessage() {
        CliRun r = run("status", "--kb", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("KB_NOT_FOUND") && r.err().contains("openkb init"), r.err());
        assertEquals(2, run("status", "--no-such-option").code());
    }

    @Test
    void lintPrintsOpenKbsReportOrJsonAndExitsOneOnFindings() throws Exception {
        var kb = Fixtures.kb(dir.resolve("kb"));
        Fixtures.write(kb.concept("a"), "---\ntype: \"Concept\"\ndescription: \"A\"\n---\n\nSee [[concepts/missing]].\n");
        CliRun text = run("lint", "--kb", kb.root().toString(), "--no-report");
        assertEquals(1, text.code());
        assertTrue(text.out().contains("## Structural Lint Report") && text.out().contains("### Broken Links (1)"), text.out());
        CliRun json = run("lint", "--kb", kb.root().toString(), "--format", "json");
        assertEquals(1, json.code());
        Map<String, Object> parsed = PythonJson.parseObject(json.out());
        Map<?, ?> finding = (Map<?, ?>) ((List<?>) parsed.get("findings")).get(0);
        assertTrue(finding.keySet().containsAll(List.of("code", "severity", "path", "range", "message", "data")), finding.toString());
        try (var s = Files.list(kb.reportsDir())) {
            assertEquals(1, s.count(), "the report file is written");
        }
        assertTrue(Files.readString(kb.logMd()).contains("] lint | report → lint_"));
        CliRun fixed = run("lint", "--kb", kb.root().toString(), "--fix", "--no-report");
        assertTrue(fixed.out().startsWith("Fixed 1 wikilink(s) across 1 file(s)."), fixed.out());
    }
}
