package dev.openkb.query;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.search.SearchIndex;
import dev.openkb.search.SearchQuery;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import dev.openkb.wiki.Frontmatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueriesTest {
    @TempDir
    Path tmp;
    KbLayout kb;
    OpenKb engine;
    KbService service;

    @BeforeEach
    void kb() throws Exception {
        kb = Fixtures.kb(tmp.resolve("kb"));
        engine = new OpenKb(new RealFileOps(), w -> { }, Clock.fixed(Instant.parse("2026-07-02T18:25:03Z"), ZoneId.of("UTC")));
        service = engine.kb(kb);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void twoDocuments() throws Exception {
        Fixtures.register(kb, "a".repeat(64), "tides", "Tides and Moon.md");
        write(kb.summary("tides"), "---\ntype: \"Summary\"\ndescription: \"Why the sea rises twice a day.\"\n---\n\n# Tides\n\n"
                + "The moon's gravity pulls the oceans, causing tides.\n");
        write(kb.sourceMd("tides"), "# Tides\n\n## Gravity\n\nThe gravitational pull of the moon raises a bulge of water.\n");
        write(kb.summary("bread"), "# Bread\n\nYeast ferments the dough.\n");
    }

    @Test
    void anOfflineAnswerQuotesTheBestPassagesUnderLinksAndSaysItIsNotGenerated() throws Exception {
        twoDocuments();
        List<String> chunks = new ArrayList<>();
        QueryResult r = service.queries().ask("Why does the sea have tides?", 5, false, chunks::add, CancelToken.none());
        QueryAnswer a = r.answer();
        assertEquals(QueryAnswer.OFFLINE, a.mode());
        assertEquals(List.of("summaries/tides", "sources/tides"), a.sources().stream().map(QuerySource::page).toList());
        assertEquals("Tides and Moon.md", a.sources().get(0).doc());
        assertEquals("Tides", a.sources().get(0).title());
        assertTrue(a.answer().startsWith(OfflineAnswerer.LABEL), a.answer());
        assertTrue(a.answer().contains("1. [[summaries/tides]] (Tides and Moon.md)"), a.answer());
        assertTrue(a.answer().contains("2. [[sources/tides]]"), a.answer());
        assertEquals(a.answer(), String.join("", chunks), "the streamed chunks are the answer");
        assertTrue(chunks.size() >= 3, "one chunk per passage, streamed as composed");
        assertNull(r.saved());
        assertTrue(read(kb.logMd()).endsWith("## [2026-07-02 18:25:03] query | Why does the sea have tides?\n\n"), read(kb.logMd()));
    }

    @Test
    void savingWritesAnExplorationWithAQuotedQuestionAndListsItInTheIndex() throws Exception {
        twoDocuments();
        String question = "What does \"gravity\" do to the oceans? (tides: moon)";
        Answerer withAGhost = new Answerer() {
            @Override
            public String mode() {
                return QueryAnswer.LLM;
            }

            @Override
            public String answer(String q, List<QuerySource> sources, AnswerListener l, CancelToken c) {
                return "The moon pulls ([[summaries/tides]], [[sources/tides]]); see [[concepts/no-such-page]].";
            }
        };
        QueryResult r = service.queries().ask(question, 3, true, withAGhost, AnswerListener.NONE, CancelToken.none());
        Path page = kb.explorationsDir().resolve("what-does-gravity-do-to-the-oceans-tides-moon.md");
        assertEquals(page, r.saved());
        String text = read(page);
        assertEquals(Map.of("query", question), Frontmatter.split(text).orElseThrow().parse(), "valid YAML holding the question");
        assertTrue(text.contains("([[summaries/tides]], [[sources/tides]]); see no such page."), text);
        assertTrue(read(kb.indexMd()).contains("## Explorations\n- [[explorations/what-does-gravity-do-to-the-oceans-tides-moon]] — "
                + question.replace("\"", "\"")), read(kb.indexMd()));
        assertTrue(read(kb.logMd()).contains("query | " + question));
    }

    @Test
    void theSlugIsOpenKbs() {
        assertEquals("how-does-attention-work", Explorations.slug("How does attention work?"));
        assertEquals("a".repeat(60), Explorations.slug("  " + "A".repeat(70) + "!"));
        assertTrue(Explorations.slug("注意力是什么").matches("query-[0-9a-f]{8}"));
    }

    @Test
    void anEmptyOrHugeQuestionIsRefusedAndNothingIsLogged() throws Exception {
        twoDocuments();
        String log = read(kb.logMd());
        KbException empty = assertThrows(KbException.class,
                () -> service.queries().ask("   ", 5, false, AnswerListener.NONE, CancelToken.none()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, empty.code());
        KbException huge = assertThrows(KbException.class,
                () -> service.queries().ask("why ".repeat(25_600), 5, false, AnswerListener.NONE, CancelToken.none()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, huge.code());
        assertTrue(huge.getMessage().contains("102399 characters long; at most 8000"), huge.getMessage());
        assertEquals(log, read(kb.logMd()));
    }

    @Test
    void aKbWithNoPagesSaysSo() {
        QueryAnswer a = service.queries().ask("anything at all?", 5, false, AnswerListener.NONE, CancelToken.none()).answer();
        assertTrue(a.answer().contains("no pages yet"), a.answer());
        assertTrue(a.sources().isEmpty());
    }

    @Test
    void aCommittedTransactionUpdatesTheOpenIndexFromTheTouchedPaths() throws Exception {
        twoDocuments();
        SearchIndex index = service.search().index();
        assertTrue(index.search(SearchQuery.parse("volcano"), 5).isEmpty());
        dev.openkb.service.KbInternals.executor(service).call(CancelToken.none(), r -> r.run("test", Map.of(), tx -> {
            tx.writeString(kb.concept("volcano"), "# Volcano\n\nMagma rises.\n");
            tx.delete(kb.summary("bread"));
            return null;
        }));
        // Straight to the index, without the refresh a query does: only the commit hook can have updated it.
        assertEquals("concepts/volcano", index.search(SearchQuery.parse("volcano"), 5).get(0).page());
        assertTrue(index.search(SearchQuery.parse("yeast"), 5).isEmpty());
    }

    @Test
    void aCancelledQueryLogsNothing() throws Exception {
        twoDocuments();
        String log = read(kb.logMd());
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        KbException e = assertThrows(KbException.class,
                () -> service.queries().ask("tides", 5, false, AnswerListener.NONE, cancel));
        assertEquals(ErrorCode.CANCELLED, e.code());
        assertEquals(log, read(kb.logMd()));
        assertFalse(Files.exists(kb.explorationsDir()));
    }
}
