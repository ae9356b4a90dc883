package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint memo: a lint of unchanged inputs returns the stored findings (observed through
 * {@link LintMemo.Result#fromMemo()}, not timing) exactly as a full lint gives them, and anything that
 * may have changed a finding — an edited, added or removed page, raw/, the registry, a file written
 * within the mtime granularity of the memo, a corrupt, truncated, forged or symlinked memo, another
 * program — makes the lint run again.
 */
class LintMemoTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** Inputs dated well before NOW, outside the racy window. */
    private static final FileTime OLD = FileTime.from(NOW.minusSeconds(3600));
    private static final String PROGRAM = "openkb test build 1";

    @TempDir
    Path root;
    private TestKb kb;
    private final AtomicFiles files = new AtomicFiles(new RealFileOps());
    private int fullLints;

    @BeforeEach
    void wiki() throws IOException {
        kb = new TestKb(root);
        kb.page("index.md", "# Index\n\n## Concepts\n- [[concepts/c0]]\n- [[concepts/gone]]\n");
        for (int i = 0; i < 5; i++) {
            kb.page("concepts/c" + i + ".md", "---\ntype: concept\ndescription: \"Concept " + i + "\"\n---\n\n# C" + i
                    + "\n\nSee [[concepts/c" + ((i + 1) % 5) + "]] and [[entities/missing]].\n");
        }
        kb.page("concepts/bad-yaml.md", "---\ntype: [unclosed\n---\nbody [[concepts/c0]]\n");
        kb.page("log.md", "# log\n");
        kb.raw("paper.pdf");
        kb.registry("{}");
        ageAll();
    }

    @Test
    void anUnchangedKbIsServedFromTheMemoWithExactlyTheFindingsOfAFullLint() {
        LintMemo.Result first = lint(NOW);
        assertFalse(first.fromMemo());
        assertTrue(Files.isRegularFile(LintMemo.path(kb.layout)));

        LintMemo.Result second = lint(NOW.plusSeconds(60));
        assertTrue(second.fromMemo());
        assertEquals(1, fullLints, "the second lint neither built the index nor linted");
        LintState fresh = kb.lint();
        assertTrue(fresh.total() > 5, "the fixture has findings of several kinds: " + fresh.counts());
        assertEquals(fresh.all(), second.state().all());
        assertEquals(fresh.counts(), second.state().counts());
        for (String file : fresh.files()) {
            assertEquals(fresh.findings(file), second.state().findings(file));
        }
        // What lint prints and the report it writes are made from these two texts.
        assertEquals(LintReport.text(fresh), LintReport.text(second.state()));
        assertEquals(LintReport.json(fresh), LintReport.json(second.state()));
    }

    @Test
    void aSameSizeEditInTheSameSecondAsTheMemoIsSeen() throws IOException {
        // The page was written half a second before the lint, and is rewritten (same size) with the
        // same mtime after it, as a file system with coarse timestamps would record it.
        FileTime justBefore = FileTime.from(NOW.minusMillis(500));
        Files.setLastModifiedTime(kb.path("concepts/c1.md"), justBefore);
        assertFalse(lint(NOW).fromMemo());
        String before = kb.read("concepts/c1.md");
        String after = before.replace("[[entities/missing]]", "[[entities/mizzing]]");
        assertEquals(before.length(), after.length());
        kb.page("concepts/c1.md", after);
        Files.setLastModifiedTime(kb.path("concepts/c1.md"), justBefore);

        LintMemo.Result again = lint(NOW.plusMillis(300));
        assertFalse(again.fromMemo(), "a file not older than the memo counts as changed");
        assertEquals(kb.lint().all(), again.state().all());
        assertTrue(again.state().all().stream().anyMatch(f -> "entities/mizzing".equals(f.data().get("link"))));
    }

    @Test
    void aRacyMemoIsReplacedByALaterOneThatIsUsed() throws IOException {
        Files.setLastModifiedTime(kb.path("concepts/c1.md"), FileTime.from(NOW.minusMillis(500)));
        assertFalse(lint(NOW).fromMemo());
        assertFalse(lint(NOW.plusMillis(300)).fromMemo());
        assertFalse(lint(NOW.plusSeconds(5)).fromMemo(), "scanned 5 s after the page's mtime: this memo is not racy");
        assertTrue(lint(NOW.plusSeconds(6)).fromMemo());
    }

    @Test
    void anEditedPageIsLintedAgain() throws IOException {
        lint(NOW);
        kb.page("concepts/c2.md", "---\ntype: concept\ndescription: \"Two\"\n---\n\n# C2\n\n[[concepts/c0]]\n");
        Files.setLastModifiedTime(kb.path("concepts/c2.md"), FileTime.from(NOW.minusSeconds(1800)));
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aSameSizeEditWithAnotherMtimeIsLintedAgain() throws IOException {
        lint(NOW);
        String before = kb.read("concepts/c3.md");
        kb.page("concepts/c3.md", before.replace("[[entities/missing]]", "[[entities/mizzing]]"));
        Files.setLastModifiedTime(kb.path("concepts/c3.md"), FileTime.from(NOW.minusSeconds(1799)));
        assertRelintedAsAFullLintWould();
    }

    @Test
    void anAddedPageIsLintedAgain() throws IOException {
        lint(NOW);
        kb.page("entities/missing.md", "---\ntype: entity\ndescription: \"Now here\"\n---\n# Missing\n");
        Files.setLastModifiedTime(kb.path("entities/missing.md"), OLD);
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aRemovedPageIsLintedAgain() {
        lint(NOW);
        kb.delete("concepts/c4.md");
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aRemovedPageWhoseTextLintNeverReadsIsLintedAgain() {
        lint(NOW);
        kb.delete("log.md");
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aFileAddedToRawIsLintedAgain() throws IOException {
        lint(NOW);
        kb.raw("notes.md");
        Files.setLastModifiedTime(kb.layout.rawDir().resolve("notes.md"), OLD);
        LintMemo.Result r = assertRelintedAsAFullLintWould();
        assertTrue(r.state().findings("raw/notes.md").stream().anyMatch(f -> f.code().equals(LintCodes.MISSING_WIKI_ENTRY)));
    }

    @Test
    void aTouchedRawFileIsLintedAgain() throws IOException {
        lint(NOW);
        Files.setLastModifiedTime(kb.layout.rawDir().resolve("paper.pdf"), FileTime.from(NOW.minusSeconds(100)));
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aChangedRegistryIsLintedAgain() throws IOException {
        lint(NOW);
        kb.registry("{\"h1\": {\"name\": \"paper.pdf\", \"path\": \"raw/paper.pdf\", \"doc_name\": \"paper\"}}");
        Files.setLastModifiedTime(kb.layout.hashes(), OLD);
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aCorruptMemoIsIgnoredAndReplaced() throws IOException {
        lint(NOW);
        Path memo = LintMemo.path(kb.layout);
        byte[] bytes = Files.readAllBytes(memo);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(memo, bytes);
        assertRelintedAsAFullLintWould();
        assertTrue(lint(NOW.plusSeconds(60)).fromMemo(), "the re-lint wrote a good memo again");
    }

    @Test
    void aTruncatedOrEmptyMemoIsIgnored() throws IOException {
        lint(NOW);
        Path memo = LintMemo.path(kb.layout);
        byte[] bytes = Files.readAllBytes(memo);
        for (int keep : new int[] {bytes.length - 1, bytes.length / 2, 7, 0}) {
            Files.write(memo, Arrays.copyOf(bytes, keep));
            assertRelintedAsAFullLintWould();
        }
    }

    @Test
    void aMemoFromAnotherProgramIsIgnored() {
        LintMemo.lint(kb.layout, files, NOW, "openkb some other build", this::fullLint);
        assertFalse(lint(NOW.plusSeconds(60)).fromMemo());
        assertTrue(lint(NOW.plusSeconds(61)).fromMemo());
    }

    @Test
    void aMemoOfAnotherFormatVersionIsIgnored() throws IOException {
        lint(NOW);
        Path memo = LintMemo.path(kb.layout);
        byte[] bytes = Files.readAllBytes(memo);
        bytes[11] = (byte) (LintMemoCodec.FORMAT_VERSION + 1); // the version int follows the 8-byte magic
        Files.write(memo, withCrc(bytes));
        assertRelintedAsAFullLintWould();
    }

    @Test
    void aWellFormedMemoWithForeignPathsOrCodesIsIgnored() throws IOException {
        LintInputs inputs = LintInputs.scan(kb.layout, PROGRAM);
        LintFinding real = kb.lint().all().get(0);
        for (LintFinding forged : List.of(
                new LintFinding(real.code(), real.severity(), "../../etc/passwd", real.range(), real.message(), real.data()),
                new LintFinding(real.code(), real.severity(), "/etc/passwd", real.range(), real.message(), real.data()),
                new LintFinding(real.code(), real.severity(), "wiki/../x.md", real.range(), real.message(), real.data()),
                new LintFinding("no-such-code", real.severity(), real.path(), real.range(), real.message(), real.data()),
                new LintFinding(real.code(), real.severity(), real.path(), new Range(-1, 0, 0, 0), real.message(), real.data()))) {
            byte[] bytes = LintMemoCodec.encode(new LintMemoCodec.Memo(PROGRAM, inputs.digest(),
                    NOW.getEpochSecond() * 1_000_000_000L, List.of(forged)));
            Files.createDirectories(LintMemo.path(kb.layout).getParent());
            Files.write(LintMemo.path(kb.layout), bytes);
            assertRelintedAsAFullLintWould();
        }
    }

    @Test
    void aSymlinkedMemoIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        lint(NOW);
        Path memo = LintMemo.path(kb.layout);
        Path outside = elsewhere.resolve("memo.bin");
        Files.move(memo, outside);
        byte[] outsideBytes = Files.readAllBytes(outside);
        Files.createSymbolicLink(memo, outside);

        assertRelintedAsAFullLintWould();
        assertTrue(Files.isRegularFile(memo, LinkOption.NOFOLLOW_LINKS), "the link was replaced by a real file");
        assertTrue(Arrays.equals(outsideBytes, Files.readAllBytes(outside)), "nothing was written through the link");
    }

    @Test
    void aWikiWithASymlinkIsNeverMemoised(@TempDir Path elsewhere) throws IOException {
        Path target = Files.writeString(elsewhere.resolve("t.md"), "---\ntype: concept\n---\n# T\n");
        Files.createSymbolicLink(kb.path("concepts/linked.md"), target);
        lint(NOW);
        assertFalse(lint(NOW.plusSeconds(60)).fromMemo());
        assertFalse(Files.exists(LintMemo.path(kb.layout)));
    }

    @Test
    void deletingTheMemoOnlyCostsALint() throws IOException {
        lint(NOW);
        Files.delete(LintMemo.path(kb.layout));
        assertRelintedAsAFullLintWould();
    }

    /** The next lint (a minute after the first) runs in full and gives exactly a fresh lint's findings. */
    private LintMemo.Result assertRelintedAsAFullLintWould() {
        int before = fullLints;
        LintMemo.Result r = lint(NOW.plusSeconds(60));
        assertFalse(r.fromMemo());
        assertEquals(before + 1, fullLints);
        assertEquals(kb.lint().all(), r.state().all());
        return r;
    }

    private LintMemo.Result lint(Instant now) {
        return LintMemo.lint(kb.layout, files, now, PROGRAM, this::fullLint);
    }

    private LintState fullLint() {
        fullLints++;
        return Linter.lint(ParseCache.build(kb.layout, files, NOW));
    }

    private void ageAll() throws IOException {
        for (Path dir : List.of(kb.layout.wikiDir(), kb.layout.rawDir())) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(p, OLD);
                }
            }
        }
        Files.setLastModifiedTime(kb.layout.hashes(), OLD);
    }

    private static byte[] withCrc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int v = (int) crc.getValue();
        byte[] out = bytes.clone();
        out[out.length - 4] = (byte) (v >>> 24);
        out[out.length - 3] = (byte) (v >>> 16);
        out[out.length - 2] = (byte) (v >>> 8);
        out[out.length - 1] = (byte) v;
        return out;
    }
}
