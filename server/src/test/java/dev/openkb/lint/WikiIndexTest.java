package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.wiki.WikiLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WikiIndexTest extends KbFixture {

    private static List<String> paths(List<WikiPage> pages) {
        return pages.stream().map(WikiPage::relPath).toList();
    }

    @Test
    void buildsPagesWithTitleDescriptionLinksAndHeadings() {
        kb.page("concepts/attention.md", "---\ntype: \"Concept\"\ndescription: \"Focus.\"\n---\n\n# Attention\n\n## Scaled\n[[summaries/paper|the paper]]\n");
        WikiPage p = kb.index().page("wiki/concepts/attention.md").orElseThrow();
        assertEquals("concepts/attention", p.key());
        assertEquals("Attention", p.title());
        assertEquals("Focus.", p.description());
        assertEquals("Concept", p.frontmatter().get("type"));
        assertEquals(3, p.frontmatterEndLine());
        assertEquals(List.of("Attention", "Scaled"), p.headings().stream().map(h -> h.text()).toList());
        WikiLink l = p.links().get(0);
        assertEquals(new WikiLink("summaries/paper|the paper", "summaries/paper", "the paper", null, 8, 0, 29), l);
    }

    @Test
    void sourcesAndExcludedFilesAreKnownButNotRead() {
        kb.page("sources/paper.md", "[[x]] ---").page("log.md", "[[y]]");
        WikiIndex index = kb.index();
        assertEquals(false, index.page("wiki/sources/paper.md").orElseThrow().parsed());
        assertEquals(List.of(), index.page("wiki/log.md").orElseThrow().links());
        assertTrue(index.resolve("sources/paper").isPresent());
        assertTrue(index.resolve("log").isPresent());
    }

    @Test
    void resolveHandlesHeadingsAliasesSlashesAndUniqueStems() {
        kb.page("concepts/attention.md", "a").page("summaries/attention.md", "b").page("entities/google.md", "c");
        WikiIndex index = kb.index();
        assertEquals("wiki/concepts/attention.md", index.resolve(" /concepts/attention/ #Intro").orElseThrow().relPath());
        assertEquals("wiki/entities/google.md", index.resolve("google|Google").orElseThrow().relPath());
        assertTrue(index.resolve("attention").isEmpty(), "shared stem is ambiguous");
        assertEquals("concepts/attention", index.candidate("concepts/Attention").orElseThrow());
        assertEquals("entities/google", index.candidate("Google").orElseThrow());
        assertTrue(index.candidate("Attention").isEmpty());
    }

    @Test
    void backlinksListPagesWhoseLinksResolveHere() {
        kb.page("concepts/attention.md", "a").page("summaries/p1.md", "[[concepts/attention]] [[attention]]")
                .page("summaries/p2.md", "[[attention|it]]").page("summaries/p3.md", "[[concepts/Attention]]");
        WikiIndex index = kb.index();
        assertEquals(List.of("wiki/summaries/p1.md", "wiki/summaries/p2.md"), paths(index.backlinks("wiki/concepts/attention.md")));
        assertEquals(List.of("wiki/summaries/p1.md:0:0", "wiki/summaries/p1.md:0:23", "wiki/summaries/p2.md:0:0"),
                index.references("wiki/concepts/attention.md").stream()
                        .map(r -> r.sourceRelPath() + ":" + r.link().line() + ":" + r.link().startChar()).toList());
        WikiIndex twin = index.withPage("wiki/summaries/attention.md", "twin");
        assertEquals(List.of("wiki/summaries/p1.md"), paths(twin.backlinks("wiki/concepts/attention.md")));
    }

    @Test
    void updatesShareUnchangedPagesAndLeaveTheOldSnapshotAlone() {
        kb.page("concepts/a.md", "[[concepts/b]]").page("concepts/b.md", "b");
        WikiIndex before = kb.index();
        WikiIndex after = before.withPage("wiki/concepts/a.md", "no links").withPage("wiki/concepts/c.md", "[[concepts/b]]");
        assertSame(before.page("wiki/concepts/b.md").orElseThrow(), after.page("wiki/concepts/b.md").orElseThrow());
        assertEquals(List.of("wiki/concepts/a.md"), paths(before.backlinks("wiki/concepts/b.md")));
        assertEquals(List.of("wiki/concepts/c.md"), paths(after.backlinks("wiki/concepts/b.md")));
        assertEquals(3, before.pageCount());
        assertEquals(4, after.pageCount());
        assertEquals(3, after.withoutPage("wiki/concepts/c.md").pages().size());
        assertSame(after, after.withoutPage("wiki/concepts/none.md"));
        assertThrows(IllegalArgumentException.class, () -> after.withPage("raw/x.md", ""));
    }

    @Test
    void corruptRegistryIsAClearError() throws Exception {
        kb.raw("a.pdf").registry("{not json");
        KbException e = assertThrows(KbException.class, kb::index);
        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertEquals(kb.layout.hashes(), e.path());
        kb.registry("{\"h\": 3}");
        assertEquals(ErrorCode.CORRUPT_STATE, assertThrows(KbException.class, kb::index).code());
    }

    @Test
    void aKbWithoutWikiFolderIsEmptyAndReportsTheMissingIndex() throws Exception {
        Path bare = Files.createDirectories(root.resolve("other"));
        WikiIndex index = WikiIndex.build(new dev.openkb.kb.KbLayout(bare));
        assertEquals(0, index.pageCount());
        assertEquals(1, Linter.lint(index).counts().get(LintCodes.INDEX_MISSING));
    }

    @Test
    void malformedUtf8IsReadWithReplacementForLint() throws Exception {
        Files.write(kb.path("concepts/bin.md"), new byte[] {'[', '[', 'x', ']', ']', (byte) 0xff});
        assertEquals("x", kb.index().page("wiki/concepts/bin.md").orElseThrow().links().get(0).target());
    }
}
