package dev.openkb.remove;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
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

class RemoveTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        compiledDoc("paper", "paper.md", "h1");
        compiledDoc("notes", "notes.txt", "h2");
        write(kb.concept("attention"), concept("Attention", "paper", "notes"));
        write(kb.concept("paper-only"), concept("Only in paper", "paper") + "\nSee [[concepts/attention]].\n");
        write(kb.concept("linker"), concept("Links to paper-only", "paper", "notes") + "\nUses [[concepts/paper-only]].\n");
        write(kb.entity("google-brain"), "---\nsources: [\"summaries/paper.md\"]\ntype: \"Organization\"\ndescription: \"A lab.\"\n---\n\n"
                + "## Related Documents\n\n- [[summaries/paper]]\n");
        write(kb.concept("unrelated"), concept("Unrelated", "notes") + "\nA ghost: [[concepts/nowhere]].\n");
        write(kb.indexMd(), "# Knowledge Base Index\n\n## Documents\n- [[summaries/notes]] (short) — Notes.\n"
                + "- [[summaries/paper]] (short) — Paper.\n\n## Concepts\n- [[concepts/attention]] — A.\n"
                + "- [[concepts/paper-only]] — P.\n- [[concepts/linker]] — L.\n- [[concepts/unrelated]] — U.\n\n"
                + "## Entities\n- [[entities/google-brain]] (organization) — G.\n\n## Explorations\n");
    }

    private void compiledDoc(String doc, String name, String hash) throws IOException {
        write(kb.rawDir().resolve(name), "raw " + doc);
        write(kb.sourceMd(doc), "# " + doc + "\n");
        write(kb.docImages(doc).resolve("img_001.png"), "png");
        write(kb.summary(doc), "---\ntype: \"Summary\"\ndescription: \"" + doc + "\"\ndoc_type: short\nfull_text: \"sources/" + doc
                + ".md\"\n---\n\nSummary of " + doc + ".\n");
        Fixtures.register(kb, hash, doc, name);
    }

    private static String concept(String description, String... docs) {
        return Fixtures.conceptPage(description, docs);
    }

    private RemoveReport remove(String id, RemoveOptions opts) {
        try (OpenKb engine = new OpenKb(new dev.openkb.io.RealFileOps(), w -> { }, CLOCK)) {
            return engine.kb(kb).remove(id, opts, CancelToken.none());
        }
    }

    @Test
    void removesEveryArtifactOfTheDocumentAndRepairsOnlyThePagesItTouched() throws IOException {
        String unrelatedBefore = read(kb.concept("unrelated"));
        RemoveReport r = remove("paper", RemoveOptions.defaults());
        assertTrue(r.removed());
        for (Path gone : List.of(kb.summary("paper"), kb.sourceMd("paper"), kb.docImages("paper"), kb.rawDir().resolve("paper.md"),
                kb.concept("paper-only"), kb.entity("google-brain"))) {
            assertFalse(Files.exists(gone), gone.toString());
        }
        String attention = read(kb.concept("attention"));
        assertTrue(attention.contains("sources: [\"summaries/notes.md\"]"), attention);
        assertFalse(attention.contains("[[summaries/paper]]"), attention);
        assertFalse(read(kb.concept("linker")).contains("[[concepts/paper-only]]"), "a link to a deleted page is demoted");
        assertEquals(unrelatedBefore, read(kb.concept("unrelated")), "ghost links elsewhere are left alone (OpenKB #58)");
        String index = read(kb.indexMd());
        assertFalse(index.contains("summaries/paper") || index.contains("concepts/paper-only") || index.contains("google-brain"), index);
        assertTrue(index.contains("[[summaries/notes]]"));
        assertEquals(List.of("h2"), Registry.load(kb).entries().stream().map(e -> e.hash()).toList());
        assertTrue(read(kb.logMd()).endsWith("## [2026-11-25 12:00:00] remove | paper.md\n\n"), read(kb.logMd()));
        assertTrue(dev.openkb.journal.Recovery.pendingJournals(kb).isEmpty());
    }

    @Test
    void keepRawAndKeepEmptyKeepWhatTheySay() throws IOException {
        remove("paper.md", new RemoveOptions(false, true, true));
        assertTrue(Files.exists(kb.rawDir().resolve("paper.md")));
        assertTrue(Files.exists(kb.concept("paper-only")), "kept even with no source left");
        assertTrue(read(kb.concept("paper-only")).contains("sources: []"), read(kb.concept("paper-only")));
    }

    @Test
    void aDryRunPlansWithoutChangingAnything() throws IOException {
        Map<String, String> before = TreeManifest.ofKb(kb.root());
        RemoveReport r = remove("paper", new RemoveOptions(true, false, false));
        assertFalse(r.removed());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
        assertTrue(r.plan().lines().contains("  DELETE   wiki/concepts/paper-only.md"), r.plan().lines().toString());
        assertTrue(r.plan().lines().contains("  MODIFY   wiki/concepts/attention.md"));
        assertTrue(r.plan().lines().contains("  REGISTRY h1"));
    }

    @Test
    void identifiersResolveLikeOpenKb() {
        assertEquals("notes", remove("notes.txt", new RemoveOptions(true, false, false)).plan().docName());
        assertEquals("paper", remove("PAP", new RemoveOptions(true, false, false)).plan().docName());
        KbException none = assertThrows(KbException.class, () -> remove("missing", RemoveOptions.defaults()));
        assertEquals(ErrorCode.UNKNOWN_DOCUMENT, none.code());
        KbException many = assertThrows(KbException.class, () -> remove("e", RemoveOptions.defaults()));
        assertTrue(many.getMessage().contains("matches 2 documents"), many.getMessage());
    }

    @Test
    void aCrashAtAnyStepOfARemoveLeavesTheKbAsBeforeOrAsAfter() throws IOException {
        Path template = dir.resolve("template");
        Fixtures.copyTree(kb.root(), template);
        Map<String, String> before = TreeManifest.ofKb(template);
        remove("paper", RemoveOptions.defaults());
        Map<String, String> after = TreeManifest.ofKb(kb.root());
        int states = 0;
        for (int n = 1; ; n++) {
            Path copy = Fixtures.copyTree(template, dir.resolve("crash-" + n));
            FaultyFileOps ops = new FaultyFileOps().arm(n, null, FaultyFileOps.Mode.CRASH, null);
            boolean crashed;
            try (OpenKb engine = new OpenKb(ops, w -> { }, CLOCK)) {
                engine.kb(new KbLayout(copy)).remove("paper", RemoveOptions.defaults(), CancelToken.none());
                crashed = ops.crashed();
            } catch (FaultyFileOps.SimulatedCrash | KbException e) {
                crashed = true;
            }
            try (OpenKb engine = new OpenKb(new dev.openkb.io.RealFileOps(), w -> { }, CLOCK)) {
                engine.kb(new KbLayout(copy)).recover(CancelToken.none());
            }
            Map<String, String> state = TreeManifest.ofKb(copy);
            assertTrue(state.equals(before) || state.equals(after), "crash at operation " + n);
            states++;
            if (!crashed) {
                assertEquals(after, state);
                break;
            }
        }
        assertTrue(states > 20, "the remove has many steps to crash at: " + states);
    }
}
