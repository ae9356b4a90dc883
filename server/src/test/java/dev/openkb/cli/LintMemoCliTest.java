package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openkb lint} as a user runs it on a KB nobody changed: the repeat reuses the memo of the
 * last lint (which {@code -v} says), prints the same, exits the same, and writes the same report as a
 * lint without any cache.
 */
class LintMemoCliTest {
    @TempDir
    Path dir;

    @Test
    void aRepeatedLintOfAnUnchangedKbReusesTheFindingsAndWritesTheSameReport() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Fixtures.write(kb.concept("a"), "---\ntype: \"Concept\"\ndescription: \"A\"\n---\n\nSee [[concepts/missing]].\n");
        Fixtures.write(kb.concept("b"), "---\ntype: [oops\n---\n\n[[concepts/a]]\n");
        Fixtures.write(kb.rawDir().resolve("lonely.txt"), "raw\n");
        ageEverything(kb.root());
        String root = kb.root().toString();

        CliRun first = CliRun.of("lint", "--kb", root, "--no-report", "-v");
        assertTrue(first.err().contains("full structural lint"), first.err());
        assertTrue(Files.isRegularFile(kb.openkbDir().resolve("cache/lint-result.bin")));
        CliRun second = CliRun.of("lint", "--kb", root, "--no-report", "-v");
        assertTrue(second.err().contains("findings are reused"), second.err());
        assertEquals(first.out(), second.out());
        assertEquals(1, second.code());
        assertTrue(second.out().contains("concepts/missing") && second.out().contains("lonely.txt"), second.out());

        // The same KB without any cache, as a reference for the report.
        Path cold = Fixtures.copyTree(kb.root(), dir.resolve("cold"));
        Fixtures.deleteTree(cold.resolve(".openkb/cache"));
        CliRun memoised = CliRun.of("lint", "--kb", root, "-v");
        assertTrue(memoised.err().contains("findings are reused"), memoised.err());
        CliRun uncached = CliRun.of("lint", "--kb", cold.toString(), "-v");
        assertTrue(uncached.err().contains("full structural lint"), uncached.err());
        assertEquals(withoutStamp(onlyReport(kb.root())), withoutStamp(onlyReport(cold)));
    }

    @Test
    void theReportALintWritesDoesNotStopTheNextLintFromReusingTheFindings() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Fixtures.write(kb.concept("a"), "---\ntype: \"Concept\"\ndescription: \"A\"\n---\n\nSee [[concepts/missing]].\n");
        ageEverything(kb.root());
        String root = kb.root().toString();

        CliRun first = CliRun.of("lint", "--kb", root, "-v");
        assertTrue(first.err().contains("full structural lint"), first.err());
        CliRun second = CliRun.of("lint", "--kb", root, "-v");
        assertTrue(second.err().contains("findings are reused"), "the first lint's own report is not a change: " + second.err());
        assertEquals(first.out(), second.out());

        // Anything else that changes still re-lints.
        Fixtures.write(kb.concept("b"), "---\ntype: \"Concept\"\ndescription: \"B\"\n---\n\n[[concepts/a]]\n");
        Files.setLastModifiedTime(kb.concept("b"), FileTime.from(Instant.now().minusSeconds(600)));
        CliRun third = CliRun.of("lint", "--kb", root, "-v");
        assertTrue(third.err().contains("full structural lint"), third.err());
    }

    /** The one report a lint wrote, without its first line (which names the second it was written in). */
    private static String onlyReport(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("wiki/reports"))) {
            List<Path> reports = s.toList();
            assertEquals(1, reports.size(), reports.toString());
            return Files.readString(reports.get(0));
        }
    }

    private static String withoutStamp(String report) {
        assertTrue(report.startsWith("# Lint Report — "), report);
        return report.substring(report.indexOf('\n'));
    }

    private static void ageEverything(Path root) throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
    }
}
