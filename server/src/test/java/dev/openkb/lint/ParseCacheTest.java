package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persisted lint parse cache: a repeated lint reads only pages whose size or mtime changed, and
 * gives exactly the findings of a cold build; a cache that is corrupt, symlinked, of another format
 * version or naming paths outside the wiki is ignored and rebuilt, and what a symlink points at is
 * never read or written. "Read" is counted by the loader's parse count, not by timing.
 */
class ParseCacheTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** Pages are dated well before NOW, outside the racy window. */
    private static final FileTime OLD = FileTime.from(NOW.minusSeconds(3600));

    @TempDir
    Path root;
    private TestKb kb;
    private final AtomicFiles files = new AtomicFiles(new RealFileOps());

    @BeforeEach
    void wiki() throws IOException {
        kb = new TestKb(root);
        kb.page("index.md", "# Index\n\n## Concepts\n- [[concepts/c0]]\n- [[concepts/c1]]\n");
        for (int i = 0; i < 10; i++) {
            kb.page("concepts/c" + i + ".md", "---\ntype: concept\ndescription: \"Concept " + i + "\"\n---\n\n# C" + i
                    + "\n\nSee [[concepts/c" + ((i + 1) % 10) + "#C|next]] and [[entities/missing]].\n");
        }
        kb.page("concepts/odd.md", "---\ntype: concept\ntags: [a, 1, 2.5, true, null]\nwhen: 2024-01-02\n"
                + "nested: {k: [x, {y: z}]}\n---\n## Heading\n[[odd]] [[ #self ]]\n");
        kb.page("concepts/bad-yaml.md", "---\ntype: [unclosed\n---\nbody [[concepts/c0]]\n");
        kb.page("concepts/binary.md", "---\ntype: concept\nblob: !!binary aGVsbG8=\n---\n[[concepts/c0]]\n");
        kb.page("sources/doc.md", "# not parsed by lint\n");
        kb.page("log.md", "# log\n");
        ageAllPages();
    }

    @Test
    void aRepeatedLintOfAnUnchangedWikiReadsNoPage() {
        WikiIndexLoader.CachedLoad first = load();
        assertEquals(14, first.parsed(), "index.md, 10 concepts, odd, bad-yaml and binary are parsed (not sources/ or log.md)");
        assertTrue(Files.isRegularFile(ParseCacheFile.path(kb.layout)));

        WikiIndexLoader.CachedLoad second = load();
        // binary.md holds a !!binary value the cache does not carry, so it alone is parsed every time
        assertEquals(1, second.parsed());
        assertEquals(lintJson(WikiIndex.build(kb.layout)), lintJson(second.index()));
    }

    @Test
    void anUnchangedRepeatedLintDoesNotRewriteTheCache() throws IOException {
        kb.delete("concepts/binary.md");
        load();
        Path cache = ParseCacheFile.path(kb.layout);
        Files.setLastModifiedTime(cache, OLD);
        assertEquals(0, load().parsed());
        assertEquals(OLD, Files.getLastModifiedTime(cache));
    }

    @Test
    void onlyTheEditedPageIsReadAgain() throws IOException {
        load();
        kb.page("concepts/c3.md", "# C3\n\nNow links only [[concepts/nowhere]].\n");
        age("concepts/c3.md", OLD.toInstant().plusSeconds(60));

        WikiIndexLoader.CachedLoad after = load();
        assertEquals(2, after.parsed(), "c3.md and binary.md");
        assertEquals(lintJson(WikiIndex.build(kb.layout)), lintJson(after.index()));
        assertTrue(lintJson(after.index()).contains("concepts/nowhere"));
    }

    @Test
    void aSameSizeEditWithANewMtimeIsReadAgain() throws IOException {
        load();
        String before = kb.read("concepts/c4.md");
        String after = before.replace("[[entities/missing]]", "[[entities/mis5ing]]");
        assertEquals(before.length(), after.length());
        kb.page("concepts/c4.md", after);
        age("concepts/c4.md", OLD.toInstant().plusNanos(1_000));

        WikiIndexLoader.CachedLoad load = load();
        assertEquals(2, load.parsed(), "c4.md and binary.md");
        assertTrue(lintJson(load.index()).contains("entities/mis5ing"));
        assertEquals(lintJson(WikiIndex.build(kb.layout)), lintJson(load.index()));
    }

    @Test
    void aDeletedOrAddedPageChangesTheResultAsAColdBuildWould() throws IOException {
        load();
        kb.delete("concepts/c1.md");
        kb.page("entities/missing.md", "---\ntype: entity\ndescription: \"now here\"\n---\n[[concepts/c0]]\n");
        age("entities/missing.md", OLD.toInstant());
        WikiIndexLoader.CachedLoad load = load();
        assertEquals(2, load.parsed(), "the new page and binary.md");
        assertEquals(lintJson(WikiIndex.build(kb.layout)), lintJson(load.index()));
        assertEquals(1, load().parsed(), "the deleted page's entry is gone, the new one cached");
    }

    @Test
    void cachedPagesAreTheSameParseAsFreshOnes() {
        kb.delete("concepts/binary.md"); // never cached, and its byte[] value has no value equality
        load();
        WikiIndex cached = load().index();
        WikiIndex cold = WikiIndex.build(kb.layout);
        assertEquals(cold.pageCount(), cached.pageCount());
        for (WikiPage fresh : cold.pages()) {
            WikiPage fromCache = cached.page(fresh.relPath()).orElseThrow();
            String where = fresh.relPath();
            assertEquals(fresh.key(), fromCache.key(), where);
            assertEquals(fresh.stem(), fromCache.stem(), where);
            assertEquals(fresh.title(), fromCache.title(), where);
            assertEquals(fresh.description(), fromCache.description(), where);
            assertEquals(fresh.frontmatter(), fromCache.frontmatter(), where);
            assertEquals(fresh.frontmatterEndLine(), fromCache.frontmatterEndLine(), where);
            assertEquals(fresh.errorRange(), fromCache.errorRange(), where);
            assertEquals(fresh.frontmatterError() == null, fromCache.frontmatterError() == null, where);
            if (fresh.frontmatterError() != null) {
                assertEquals(fresh.frontmatterError().line(), fromCache.frontmatterError().line(), where);
                assertEquals(fresh.frontmatterError().firstLine(), fromCache.frontmatterError().firstLine(), where);
            }
            assertEquals(fresh.links(), fromCache.links(), where);
            assertEquals(fresh.headings(), fromCache.headings(), where);
            assertEquals(fresh.firstLineLength(), fromCache.firstLineLength(), where);
            assertEquals(fresh.parsed(), fromCache.parsed(), where);
        }
    }

    @Test
    void aPageModifiedWithinTheRacyWindowIsParsedButNotCached() throws IOException {
        load();
        kb.page("concepts/c5.md", "# C5 edited\n");
        age("concepts/c5.md", NOW.minusMillis(500));
        assertEquals(2, load().parsed());
        assertEquals(2, load().parsed(), "still read: its mtime is too close to the lint for the key to be trusted");
    }

    @Test
    void aCorruptCacheIsIgnoredAndRebuilt() throws IOException {
        load();
        Path cache = ParseCacheFile.path(kb.layout);
        byte[] bytes = Files.readAllBytes(cache);
        for (byte[] bad : List.of(new byte[0], "garbage".getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOf(bytes, bytes.length / 2), flipped(bytes, bytes.length / 3))) {
            Files.write(cache, bad);
            WikiIndexLoader.CachedLoad load = load();
            assertEquals(14, load.parsed());
            assertEquals(lintJson(WikiIndex.build(kb.layout)), lintJson(load.index()));
            assertEquals(1, load().parsed(), "rebuilt");
        }
    }

    @Test
    void aCacheWithAValidChecksumButMalformedContentIsIgnored() throws IOException {
        load();
        Path cache = ParseCacheFile.path(kb.layout);
        byte[] bytes = Files.readAllBytes(cache);
        // the entry count claims more entries than the file holds
        ByteBuffer.wrap(bytes).putInt(12, Integer.MAX_VALUE);
        Files.write(cache, withCrc(bytes));
        assertEquals(14, load().parsed());
        assertEquals(1, load().parsed());
    }

    @Test
    void aCacheFromAnotherFormatVersionIsIgnored() throws IOException {
        load();
        Path cache = ParseCacheFile.path(kb.layout);
        byte[] bytes = Files.readAllBytes(cache);
        ByteBuffer.wrap(bytes).putInt(8, ParseCacheCodec.FORMAT_VERSION + 1);
        Files.write(cache, withCrc(bytes));
        assertEquals(14, load().parsed());
        assertEquals(1, load().parsed());
    }

    @Test
    void entriesForPathsOutsideTheWikiAreDroppedNeverUsed() throws IOException {
        Map<String, CachedPage> entries = new LinkedHashMap<>();
        for (String rel : List.of("raw/secret.md", "wiki/../outside.md", "wiki/sources/doc.md", "/etc/passwd.md")) {
            entries.put(rel, entry(rel));
        }
        entries.put("wiki/concepts/c0.md", entry("wiki/concepts/c0.md"));
        Path cache = ParseCacheFile.path(kb.layout);
        Files.createDirectories(cache.getParent());
        Files.write(cache, ParseCacheCodec.encode(entries));

        ParseCacheFile.Prior prior = ParseCacheFile.read(kb.layout);
        assertEquals(List.of("wiki/concepts/c0.md"), List.copyOf(prior.entries().keySet()));
        assertTrue(prior.stale());

        load();
        Map<String, CachedPage> rewritten = decode(cache);
        assertFalse(rewritten.keySet().stream().anyMatch(k -> !k.startsWith("wiki/") || k.contains("..")
                || k.startsWith("wiki/sources/")), rewritten.keySet().toString());
    }

    @Test
    void aSymlinkedCacheFileIsNotFollowedAndIsReplacedByARealFile(@TempDir Path elsewhere) throws IOException {
        load();
        Path cache = ParseCacheFile.path(kb.layout);
        Path target = elsewhere.resolve("victim.bin");
        Files.copy(cache, target); // a valid cache: if it were followed, nothing would be parsed
        byte[] victim = Files.readAllBytes(target);
        Files.delete(cache);
        Files.createSymbolicLink(cache, target);

        assertEquals(14, load().parsed());
        assertFalse(Files.isSymbolicLink(cache));
        assertTrue(Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(victim, Files.readAllBytes(target), "the link's target is never written");
        assertFalse(Files.getPosixFilePermissions(cache).contains(PosixFilePermission.OTHERS_WRITE),
                "the new file does not inherit the link's 0777");
        assertEquals(1, load().parsed());
    }

    @Test
    void aSymlinkedCacheFolderIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        load();
        Path dir = ParseCacheFile.path(kb.layout).getParent();
        Files.move(dir, elsewhere.resolve("cache"));
        Files.createSymbolicLink(dir, elsewhere.resolve("cache"));
        byte[] victim = Files.readAllBytes(elsewhere.resolve("cache/lint-parse.bin"));

        assertEquals(14, load().parsed());
        assertTrue(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS), "the link is replaced by a real folder");
        assertArrayEquals(victim, Files.readAllBytes(elsewhere.resolve("cache/lint-parse.bin")));
        try (Stream<Path> s = Files.list(elsewhere.resolve("cache"))) {
            assertEquals(1, s.count(), "nothing was written through the link");
        }
        assertEquals(1, load().parsed());
    }

    @Test
    void deletingTheCacheOnlyCostsAFullParse() throws IOException {
        String cold = lintJson(load().index());
        Files.delete(ParseCacheFile.path(kb.layout));
        Files.delete(ParseCacheFile.path(kb.layout).getParent());
        WikiIndexLoader.CachedLoad load = load();
        assertEquals(14, load.parsed());
        assertEquals(cold, lintJson(load.index()));
    }

    private WikiIndexLoader.CachedLoad load() {
        return ParseCache.load(kb.layout, files, NOW);
    }

    private static String lintJson(WikiIndex index) {
        return LintReport.json(Linter.lint(index));
    }

    private void ageAllPages() throws IOException {
        try (Stream<Path> s = Files.walk(kb.layout.wikiDir())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, OLD);
            }
        }
    }

    private void age(String wikiRel, Instant when) throws IOException {
        Files.setLastModifiedTime(kb.layout.wikiDir().resolve(wikiRel), FileTime.from(when));
    }

    private static CachedPage entry(String rel) {
        WikiPage page = new WikiPage(rel, "k", "k", "Forged", null, Map.of(), -1, null, null, List.of(), List.of(), 0, true);
        try {
            return new CachedPage(1, 1, page, ParseCacheCodec.encodeEntry(1, 1, page));
        } catch (ParseCacheCodec.Unencodable e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, CachedPage> decode(Path cache) throws IOException {
        try {
            return ParseCacheCodec.decode(Files.readAllBytes(cache));
        } catch (ParseCacheCodec.Corrupt e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x40;
        return copy;
    }

    /** Recomputes the trailing CRC-32, so only the content's own checks can reject it. */
    private static byte[] withCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}
