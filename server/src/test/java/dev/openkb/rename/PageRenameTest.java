package dev.openkb.rename;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintCodes;
import dev.openkb.lint.Linter;
import dev.openkb.lint.WikiIndex;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb rename}: the page moves and every link to it follows, in one journaled transaction. */
class PageRenameTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void wiki() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.summary("paper"), "---\ntype: \"Summary\"\ndescription: \"p\"\n---\n\n# Paper\n\nSee [[concepts/attention]],"
                + " [[attention#Scaled dot product|the attention idea]] and [[ concepts/attention | spaced ]].\n");
        write(kb.concept("attention"), Fixtures.conceptPage("Attention", "paper") + "\n# Attention\n\n## Scaled dot product\n\n"
                + "Back to [[concepts/attention#Scaled dot product]]; unrelated [[concepts/memory]].\n");
        write(kb.concept("memory"), Fixtures.conceptPage("Memory", "paper") + "\nNot about [[concepts/attention-span]].\n");
        write(kb.concept("attention-span"), Fixtures.conceptPage("Span", "paper") + "\nSee [[concepts/memory]].\n");
        write(kb.entity("google"), "---\ntype: \"Organization\"\ndescription: \"G\"\n---\n\nWorks on [[concepts/attention]].\n");
        write(kb.indexMd(), "# Knowledge Base Index\n\n## Documents\n- [[summaries/paper]] (short) — P.\n\n## Concepts\n"
                + "- [[concepts/attention]] — A.\n- [[concepts/memory]] — M.\n- [[concepts/attention-span]] — S.\n\n## Entities\n- [[entities/google]] (organization) — G.\n\n"
                + "## Explorations\n");
        write(kb.logMd(), "# Operations Log\n\n");
    }

    private RenameReport rename(String page, String newName, boolean dryRun) {
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
            return engine.kb(kb).renamePage(page, newName, dryRun, CancelToken.none());
        }
    }

    @Test
    void thePageMovesAndEveryLinkFollowsWithItsHeadingAliasAndForm() throws IOException {
        RenameReport r = rename("concepts/attention", "self-attention", false);

        assertEquals("concepts/attention", r.from());
        assertEquals("concepts/self-attention", r.to());
        assertEquals(6, r.links());
        assertEquals(List.of("wiki/concepts/self-attention.md", "wiki/entities/google.md", "wiki/index.md",
                "wiki/summaries/paper.md"), r.changedPages());
        assertFalse(Files.exists(kb.concept("attention")));
        assertTrue(read(kb.summary("paper")).contains("See [[concepts/self-attention]], [[self-attention#Scaled dot product"
                + "|the attention idea]] and [[concepts/self-attention|spaced]].\n"));
        assertTrue(read(kb.concept("self-attention")).contains("Back to [[concepts/self-attention#Scaled dot product]];"
                + " unrelated [[concepts/memory]].\n"));
        assertTrue(read(kb.concept("memory")).contains("[[concepts/attention-span]]"), "a link to another page is untouched");
        assertTrue(read(kb.indexMd()).contains("- [[concepts/self-attention]] — A.\n"));
        assertTrue(read(kb.logMd()).endsWith("## [2026-12-07 12:00:00] rename | concepts/attention → concepts/self-attention\n\n"));
        var lint = Linter.lint(WikiIndex.build(kb));
        for (String code : List.of(LintCodes.BROKEN_LINK, LintCodes.INDEX_BROKEN_LINK, LintCodes.INDEX_MISSING_PAGE)) {
            assertEquals(0, lint.counts().getOrDefault(code, 0), code + ": " + lint.all());
        }
        assertEquals(List.of(), Files.list(kb.journalDir()).filter(Files::isRegularFile).toList(), "the journal is gone");
    }

    @Test
    void aBareLinkBecomesQualifiedWhenTheNewStemIsTakenElsewhere() throws IOException {
        write(kb.entity("transformer"), "---\ntype: \"Thing\"\ndescription: \"T\"\n---\n\nx\n");
        rename("attention", "concepts/transformer", false);
        assertTrue(read(kb.summary("paper")).contains("[[concepts/transformer#Scaled dot product|the attention idea]]"),
                read(kb.summary("paper")));
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() throws IOException {
        Map<String, String> before = TreeManifest.of(kb.root());
        RenameReport r = rename("wiki/concepts/attention.md", "self-attention.md", true);
        assertFalse(r.renamed());
        assertEquals(6, r.links());
        assertEquals(before, TreeManifest.of(kb.root()));
    }

    @Test
    void renamingOntoAnExistingPageIsRefusedAndNothingChanges() throws IOException {
        Map<String, String> before = TreeManifest.of(kb.root());
        KbException e = assertThrows(KbException.class, () -> rename("concepts/attention", "memory", false));
        assertEquals(ErrorCode.PAGE_EXISTS, e.code());
        assertEquals(kb.concept("memory"), e.path());
        assertEquals(before, TreeManifest.of(kb.root()));
    }

    @Test
    void untrustedNamesAndPagesNamedAfterDocumentsAreRefused() throws IOException {
        Map<String, String> before = TreeManifest.of(kb.root());
        for (String bad : List.of("../escape", "..", "sub/dir", "entities/attention", "a\\b", "tab\there", "[[x]]", "a|b",
                "a#b", " padded", ".hidden", "x".repeat(201), "")) {
            KbException e = assertThrows(KbException.class, () -> rename("concepts/attention", bad, false), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), bad + ": " + e.getMessage());
        }
        KbException summary = assertThrows(KbException.class, () -> rename("summaries/paper", "article", false));
        assertEquals(ErrorCode.INVALID_ARGUMENT, summary.code());
        assertTrue(summary.getMessage().contains("named after its document"), summary.getMessage());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(KbException.class, () -> rename("concepts/nothing", "x", false)).code());
        assertEquals(before, TreeManifest.of(kb.root()));
    }

    @Test
    void aPageThatIsASymlinkIsNotRenamed() throws IOException {
        Path outside = write(dir.resolve("outside.md"), "secret [[concepts/attention]]\n");
        Files.createSymbolicLink(kb.concept("linked"), outside);
        KbException e = assertThrows(KbException.class, () -> rename("concepts/linked", "other", false));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        KbException through = assertThrows(KbException.class, () -> rename("concepts/attention", "other", false));
        assertTrue(through.getMessage().contains("symbolic link"), through.getMessage());
        assertEquals("secret [[concepts/attention]]\n", read(outside));
        assertTrue(Files.exists(kb.concept("attention")));
    }
}
