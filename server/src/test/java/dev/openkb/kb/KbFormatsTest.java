package dev.openkb.kb;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On-disk formats shared with OpenKB: byte for byte what its Python writes. */
class KbFormatsTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesExactlyOpenKbsLayout() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("new/kb"));
        for (Path d : List.of(kb.rawDir(), kb.imagesDir(), kb.summariesDir(), kb.conceptsDir(), kb.entitiesDir())) {
            assertTrue(Files.isDirectory(d), d.toString());
        }
        assertEquals("# Knowledge Base Index\n\n## Documents\n\n## Concepts\n\n## Entities\n\n## Explorations\n", read(kb.indexMd()));
        assertEquals("# Operations Log\n\n", read(kb.logMd()));
        assertEquals("{}\n", read(kb.hashes()));
        assertEquals("language: en\nmodel: offline\npageindex_threshold: 20\n", read(kb.config()));
        assertTrue(read(kb.agentsMd()).startsWith("# Wiki Schema"));
        try (var s = Files.list(kb.root())) {
            assertEquals(List.of(".openkb", "raw", "wiki"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no init temp folder is left");
        }
    }

    @Test
    void initRefusesAnExistingKbAndFinishesAnInterruptedOne() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        assertEquals(ErrorCode.KB_EXISTS, assertThrows(KbException.class, () -> Fixtures.kb(kb.root())).code());
        Path half = dir.resolve("half");
        write(half.resolve("wiki/index.md"), "my own index");
        KbLayout finished = Fixtures.kb(half);
        assertEquals("my own index", read(finished.indexMd()), "existing files are kept");
        assertTrue(Files.exists(finished.hashes()));
    }

    @Test
    void registryIsWrittenAsPythonJsonDumpsWithEnsureAscii() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "技术报告.md");
        meta.put("doc_name", "技术报告");
        meta.put("type", "md");
        meta.put("path", "inputs/\"q\".md");
        String json = Registry.empty().with("3a7b", meta).toJson();
        assertEquals("{\n  \"3a7b\": {\n    \"name\": \"\\u6280\\u672f\\u62a5\\u544a.md\",\n"
                + "    \"doc_name\": \"\\u6280\\u672f\\u62a5\\u544a\",\n    \"type\": \"md\",\n"
                + "    \"path\": \"inputs/\\\"q\\\".md\"\n  }\n}\n", json);
        assertEquals(json, Registry.parse(json, dir).toJson(), "round trip keeps order and bytes");
        assertEquals("{}\n", Registry.empty().toJson());
    }

    @Test
    void registryLookupsFollowOpenKb() {
        Registry r = Registry.empty()
                .with("h1", Map.of("name", "legacy.md", "type", "md"))
                .with("h2", new LinkedHashMap<>(Map.of("name", "p.md", "doc_name", "p", "path", "in/p.md", "raw_path", "raw/p.md")));
        assertEquals("h2", r.getByPath("raw/p.md").orElseThrow().hash());
        assertEquals("h1", r.findLegacyByStem("legacy").orElseThrow().hash());
        assertTrue(r.findLegacyByStem("p").isEmpty(), "entries with a path are not legacy");
        assertEquals(1, r.withoutDocName("p").size());
    }

    @Test
    void corruptRegistryIsAClearError() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.hashes(), "{\"a\": 1");
        KbException e = assertThrows(KbException.class, () -> Registry.load(kb));
        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertEquals(kb.hashes(), e.path());
    }

    @Test
    void configIsWrittenAsPyYamlSafeDumpSortedAndKeepsUnknownKeys() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.config(), "model: anthropic/claude-sonnet-4-6\nlanguage: en\ncustom_key: 'yes'\nentity_types:\n- Person\n- ORG!\nlitellm:\n  timeout: 1200\n  drop_params: true\n");
        KbConfig c = KbConfig.load(kb.config());
        assertEquals("anthropic/claude-sonnet-4-6", c.model());
        assertEquals(List.of("person", "org", "other"), c.entityTypes());
        assertEquals("custom_key: 'yes'\nentity_types:\n- Person\n- ORG!\nlanguage: en\nlitellm:\n  drop_params: true\n  timeout: 1200\n"
                + "model: anthropic/claude-sonnet-4-6\npageindex_threshold: 20\n", c.toYaml());
        write(kb.config(), "model: [unclosed");
        assertEquals(ErrorCode.CORRUPT_STATE, assertThrows(KbException.class, () -> KbConfig.load(kb.config())).code());
    }

    @Test
    void logEntriesUseOpenKbsFormat() {
        assertEquals("## [2026-07-02 18:21:29] ingest | paper.pdf\n\n",
                OperationLog.entry(LocalDateTime.of(2026, 7, 2, 18, 21, 29), "ingest", "paper.pdf"));
    }

    @Test
    void docNamesFollowSchemeA() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        assertEquals("my-report-final", DocNames.sanitizeStem("my report (final)"));
        assertEquals("技术报告-最终版", DocNames.sanitizeStem("技术报告（最终版）"));
        assertEquals("document", DocNames.sanitizeStem("!!!"));
        Path a = write(dir.resolve("a/report.md"), "a");
        Path b = write(dir.resolve("b/report.pdf"), "b");
        Registry r = Registry.empty();
        assertEquals("report", DocNames.resolve(a, kb, r));
        r = r.with("ha", Map.of("name", "report.md", "doc_name", "report", "path", DocNames.registryPath(a, kb)));
        assertEquals("report", DocNames.resolve(a, kb, r), "same path keeps its name");
        String other = DocNames.resolve(b, kb, r);
        assertEquals("report-" + DocNames.sha256Hex(DocNames.registryPath(b, kb)).substring(0, 8), other);
        assertEquals(other, DocNames.resolve(b, kb, r), "the suffix is deterministic");
        Path inside = write(kb.root().resolve("inputs/x.md"), "x");
        assertEquals("inputs/x.md", DocNames.registryPath(inside, kb));
    }

    @Test
    void discoveryWalksUpToTheNearestKb() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Path deep = Files.createDirectories(kb.conceptsDir().resolve("a/b"));
        assertEquals(kb.root(), KbDiscovery.find(deep).orElseThrow().root());
        assertTrue(KbDiscovery.find(dir).isEmpty());
        assertEquals(ErrorCode.KB_NOT_FOUND, assertThrows(KbException.class, () -> KbDiscovery.require(dir, dir)).code());
    }
}
