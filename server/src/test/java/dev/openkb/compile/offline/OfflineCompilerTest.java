package dev.openkb.compile.offline;

import dev.openkb.compile.CompileRequest;
import dev.openkb.compile.CompileResult;
import dev.openkb.compile.DocAnalysis;
import dev.openkb.compile.Harness;
import dev.openkb.compile.WikiCheck;
import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.pages.WikiWriter;
import dev.openkb.compile.text.SourceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCompilerTest {
    static final String TRANSFORMER = """
            # The Transformer Architecture

            The Transformer is a sequence model built entirely on self attention. It was introduced by \
            Ashish Vaswani and colleagues at Google Brain in 2017.

            ## Self Attention

            Self attention lets every token weigh every other token in the sequence. Self attention replaces \
            recurrence with parallel computation. Multi head attention runs several self attention layers side by side.

            ## Positional Encoding

            Positional encoding adds order information to the token embeddings. Without positional encoding the \
            model cannot tell word order. Researchers at Google Brain used sinusoidal positional encoding.

            Ashish Vaswani presented the results in Long Beach.
            """;
    static final String BERT = """
            # BERT

            BERT is a language representation model that pretrains a deep bidirectional encoder. \
            Jacob Devlin led the work at Google AI Language.

            The encoder stacks layers of self attention over the input tokens. Self attention gives every \
            position a view of the whole sentence. Learned positional encoding replaces the sinusoidal one, \
            and positional encoding is added to the token embeddings before the first layer.

            Jacob Devlin and his team released the model openly. Masked language modelling hides some tokens \
            and asks the model to predict them; masked language modelling is the main pretraining task.
            """;
    static final String VISION = """
            # Vision Transformer

            The Vision Transformer applies self attention to image patches instead of words. Alexey Dosovitskiy \
            and colleagues at Google Research showed that it matches convolutional networks on ImageNet.

            Each patch is embedded and combined with a positional encoding. Self attention then mixes \
            information between all patches. Masked language modelling has an image counterpart that hides patches.

            Alexey Dosovitskiy also compared the model with classic work from Google Brain on ImageNet.
            """;
    static final String LATER = """
            # Rotary Embeddings

            Rotary embeddings are a form of positional encoding that rotates query and key vectors. \
            Unlike additive positional encoding they encode relative position directly inside self attention.

            Several groups at Google Brain and elsewhere adopted rotary embeddings for long contexts.
            """;

    @TempDir
    Path dir;
    final OfflineCompiler compiler = new OfflineCompiler();

    private Harness build(Path where, List<String[]> docs) throws IOException {
        Harness h = new Harness(where);
        for (String[] d : docs) {
            h.addShort(compiler, d[0], d[1]);
        }
        return h;
    }

    private static List<String[]> threeDocs() {
        return List.of(new String[] {"transformer", TRANSFORMER}, new String[] {"bert", BERT},
                new String[] {"vision", VISION});
    }

    @Test
    void aKbBuiltFromSeveralDocumentsHasSummariesConceptsEntitiesBacklinksAndIndex() throws IOException {
        try (Harness h = build(dir.resolve("kb"), threeDocs())) {
            String summary = h.read("wiki/summaries/transformer.md");
            assertTrue(summary.startsWith("---\ntype: \"Summary\"\ndescription: \"The Transformer is a sequence model "
                    + "built entirely on self attention. It was introduced by Ashish Vaswani and colleagues at Google "
                    + "Brain in 2017.\"\ndoc_type: short\nfull_text: \"sources/transformer.md\"\nkeyphrases: ["), summary);
            assertTrue(summary.contains("## Outline\n\n- The Transformer Architecture\n  - Self Attention\n  - Positional Encoding\n"), summary);
            assertTrue(summary.contains("## Key Passages\n"), summary);

            String concept = h.read("wiki/concepts/self-attention.md");
            assertTrue(concept.startsWith("---\ntype: \"Concept\"\nsources: [\"summaries/"), concept);
            assertEquals(List.of("summaries/vision.md", "summaries/bert.md", "summaries/transformer.md"),
                    PageWriter.sources(concept));
            assertTrue(concept.contains("## From transformer\n") && concept.contains("## From bert\n")
                    && concept.contains("## From vision\n"), concept);
            assertTrue(concept.contains("## Related Documents\n- [[summaries/vision]]"), concept);
            assertTrue(h.read("wiki/concepts/positional-encoding.md").contains("[[summaries/transformer]]"));

            String entity = h.read("wiki/entities/google-brain.md");
            assertTrue(entity.startsWith("---\nsources: [\"summaries/"), entity);
            assertTrue(entity.contains("\ntype: \"Organization\"\n"), entity);
            assertTrue(h.read("wiki/entities/ashish-vaswani.md").contains("type: \"Person\""));

            assertTrue(h.read("wiki/summaries/transformer.md").contains("- [[concepts/self-attention]]"),
                    "an earlier summary links the concept a later document created");
            assertTrue(h.read("wiki/summaries/vision.md").contains("## Entities\n"));

            String index = h.read("wiki/index.md");
            assertTrue(index.contains("- [[summaries/bert]] (short) — BERT is a language representation model"), index);
            assertTrue(index.contains("- [[concepts/self-attention]] — "), index);
            assertTrue(index.contains("- [[entities/google-brain]] (organization) — "), index);
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void rebuildingFromTheSameDocumentsGivesTheSameBytes() throws IOException {
        try (Harness a = build(dir.resolve("a"), threeDocs()); Harness b = build(dir.resolve("b"), threeDocs())) {
            assertEquals(TreeManifest.of(a.kb.wikiDir()), TreeManifest.of(b.kb.wikiDir()));
        }
    }

    @Test
    void anAnalysisPreparedFromTheStagedSourceGivesTheSameBytesAsAnalysingAtCommit() throws IOException {
        try (Harness atCommit = new Harness(dir.resolve("a")); Harness prepared = new Harness(dir.resolve("b"))) {
            for (String[] d : threeDocs()) {
                atCommit.addShort(compiler, d[0], d[1]);
                Path staged = Files.writeString(dir.resolve(d[0] + ".md"), d[1]);
                DocAnalysis analysis = compiler.analyze(staged, dev.openkb.convert.DocKind.SHORT);
                prepared.mutate(compiler, new CompileRequest(prepared.kb, prepared.config(), d[0],
                        dev.openkb.convert.DocKind.SHORT, null, null, analysis), java.util.Map.of(prepared.kb.sourceMd(d[0]), d[1]));
            }
            assertEquals(TreeManifest.of(atCommit.kb.wikiDir()), TreeManifest.of(prepared.kb.wikiDir()));
        }
    }

    @Test
    void aDocumentLongerThanTheSampleIsAnalysedFromItsFirstMebibyteOnly() throws IOException {
        StringBuilder doc = new StringBuilder(TRANSFORMER).append('\n');
        String filler = "Self attention mixes the tokens of the sequence, and the encoder stacks these layers again.\n\n";
        while (doc.length() < SourceText.SAMPLE_CHARS) {
            doc.append(filler);
        }
        doc.append("Margaret Hamilton of Apollo Guidance reviewed it. Margaret Hamilton signed off.\n");
        try (Harness h = new Harness(dir.resolve("kb"))) {
            h.addShort(compiler, "long", doc.toString());
            String summary = h.read("wiki/summaries/long.md");
            assertTrue(summary.contains("ashish vaswani") && summary.contains("self attention"), summary);
            assertFalse(summary.contains("margaret hamilton"), "a name only past the sample is not read: " + summary);
            assertFalse(Files.exists(h.kb.wikiDir().resolve("entities/margaret-hamilton.md")));
            assertEquals(doc.toString(), h.read("wiki/sources/long.md"), "the published source stays whole");
        }
    }

    @Test
    void aLaterDocumentUpdatesExistingConceptPagesWithoutLosingSources() throws IOException {
        try (Harness h = build(dir.resolve("kb"), threeDocs())) {
            String before = h.read("wiki/concepts/positional-encoding.md");
            List<String> sourcesBefore = PageWriter.sources(before);
            CompileResult r = h.addShort(compiler, "later", LATER);

            String after = h.read("wiki/concepts/positional-encoding.md");
            List<String> sourcesAfter = PageWriter.sources(after);
            assertEquals("summaries/later.md", sourcesAfter.get(0));
            assertEquals(sourcesBefore, sourcesAfter.subList(1, sourcesAfter.size()));
            assertTrue(after.contains("## From later\n\n- Rotary embeddings are a form of positional encoding"), after);
            for (String source : sourcesBefore) {
                String doc = WikiWriter.docOf(source);
                assertTrue(after.contains("## From " + doc + "\n"), "keeps the section of " + doc);
                assertTrue(after.contains("- [[summaries/" + doc + "]]"), "keeps the backlink of " + doc);
            }
            assertEquals(PageWriter.description(before), PageWriter.description(after));
            assertTrue(r.pagesWritten().contains("wiki/concepts/positional-encoding.md"));
            assertTrue(r.pagesWritten().contains("wiki/index.md"));
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void recompilingADocumentChangesNothing() throws IOException {
        try (Harness h = build(dir.resolve("kb"), threeDocs())) {
            var before = TreeManifest.of(h.kb.wikiDir());
            CompileResult r = h.addShort(compiler, "bert", BERT);
            assertEquals(before, TreeManifest.of(h.kb.wikiDir()));
            assertEquals(List.of(), r.pagesWritten());
        }
    }

    @Test
    void firstDocumentGetsEntitiesForRepeatedNamesButNoConceptsYet() throws IOException {
        try (Harness h = build(dir.resolve("kb"), List.<String[]>of(new String[] {"transformer", TRANSFORMER}))) {
            assertTrue(Files.exists(h.kb.entity("google-brain")));
            try (var s = Files.list(h.kb.conceptsDir())) {
                assertEquals(0, s.count());
            }
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void emptyDocumentStillGetsAValidSummary() throws IOException {
        try (Harness h = new Harness(dir.resolve("kb"))) {
            CompileResult r = h.addShort(compiler, "empty", "   \n");
            assertEquals("empty", r.description());
            assertFalse(h.read("wiki/summaries/empty.md").isBlank());
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }
    private static List<String> slugs(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")).sorted().toList();
        }
    }

    private static String[] doc(String name, String markdown) {
        return new String[] {name, markdown};
    }

    static final String CACHE_TWICE = """
            The page cache holds dirty pages. A crash of the process leaves the page cache intact.
            """;
    static final String CACHE_ONCE_A = "Without a sync the page cache may lose a write on power failure.\n";
    static final String CACHE_ONCE_B = "Readers are served from the page cache when the disk is slow.\n";

    @Test
    void aPhraseBecomesAConceptWhenTwoDocumentsRepeatItOrThreeNameItWhateverTheOrder() throws IOException {
        try (Harness h = build(dir.resolve("two"), List.of(doc("twice", CACHE_TWICE), doc("once-a", CACHE_ONCE_A)))) {
            assertFalse(Files.exists(h.kb.concept("page-cache")), "one repeat and one passing mention is not enough");
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
        List<String[]> three = List.of(doc("twice", CACHE_TWICE), doc("once-a", CACHE_ONCE_A), doc("once-b", CACHE_ONCE_B));
        try (Harness h = build(dir.resolve("three"), three);
             Harness reversed = build(dir.resolve("reversed"), List.of(three.get(2), three.get(1), three.get(0)))) {
            String page = h.read("wiki/concepts/page-cache.md");
            assertEquals(List.of("summaries/once-b.md", "summaries/once-a.md", "summaries/twice.md"), PageWriter.sources(page));
            for (String d : List.of("twice", "once-a", "once-b")) {
                assertTrue(h.read("wiki/summaries/" + d + ".md").contains("[[concepts/page-cache]]"), d);
            }
            assertEquals(slugs(h.kb.conceptsDir()), slugs(reversed.kb.conceptsDir()));
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void aSingleWordIsAConceptOnlyWhenThreeDocumentsRecordItAndNeverAGenericOne() throws IOException {
        String fsync = """
                Call fsync before the rename, then fsync the directory. Without fsync a file is not durable.
                A crash loses the file. After a crash the file is gone. Every crash hurts the file.
                """;
        try (Harness h = build(dir.resolve("two"), List.of(doc("a", fsync), doc("b", fsync)))) {
            assertFalse(Files.exists(h.kb.concept("fsync")));
        }
        try (Harness h = build(dir.resolve("three"), List.of(doc("a", fsync), doc("b", fsync), doc("c", fsync)))) {
            assertTrue(Files.exists(h.kb.concept("fsync")));
            assertFalse(Files.exists(h.kb.concept("crash")));
            assertFalse(Files.exists(h.kb.concept("file")));
        }
    }

    @Test
    void aPhraseMostlyUsedInsideALongerChosenOneIsNoConceptOfItsOwn() throws IOException {
        String text = """
                A hot rollback journal must be replayed. The hot rollback journal sits next to the database.
                Only a hot rollback journal triggers recovery, never a cold rollback journal.
                """;
        try (Harness h = build(dir.resolve("kb"), List.of(doc("a", text), doc("b", text)))) {
            assertTrue(Files.exists(h.kb.concept("hot-rollback-journal")), slugs(h.kb.conceptsDir()).toString());
            assertFalse(Files.exists(h.kb.concept("rollback-journal")), slugs(h.kb.conceptsDir()).toString());
            assertFalse(Files.exists(h.kb.concept("journal")));
        }
    }

    @Test
    void aDocumentThatIsOnlyATableLinksToTheProductsAndConceptsItShares() throws IOException {
        String table = """
                | Engine | Durability mechanism |
                | --- | --- |
                | SQLite | rollback journal |
                | PostgreSQL | write-ahead log |
                | Git | atomic rename of lock files |
                | LMDB | copy on write, no rollback journal and no write-ahead log |
                """;
        String prose = """
                SQLite keeps a rollback journal, PostgreSQL keeps a write-ahead log and Git renames lock files.
                SQLite deletes the rollback journal at commit. PostgreSQL replays the write-ahead log.
                """;
        try (Harness h = build(dir.resolve("kb"), List.of(doc("notes", prose), doc("engines", table)))) {
            String summary = h.read("wiki/summaries/engines.md");
            for (String link : List.of("[[entities/sqlite]]", "[[entities/postgresql]]", "[[concepts/rollback-journal]]",
                    "[[concepts/write-ahead-log]]")) {
                assertTrue(summary.contains(link), link + " in " + summary);
            }
            String sqlite = h.read("wiki/entities/sqlite.md");
            assertTrue(sqlite.contains("\ntype: \"Product\"\n"), sqlite);
            assertFalse(sqlite.contains("## From engines") || sqlite.contains("SQLite — rollback journal"),
                    "a table row is no fact about the entity: " + sqlite);
            assertTrue(sqlite.contains("## From notes\n\n- SQLite keeps a rollback journal"), sqlite);
            assertTrue(sqlite.contains("description: \"SQLite keeps a rollback journal"), sqlite);
            assertTrue(sqlite.contains("engines.md"), "the table's document is still a source: " + sqlite);
            assertTrue(Files.exists(h.kb.entity("git")), "a table row label named in another document");
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void aDocumentThatSharesNothingStillLinksTheNamesInIt() throws IOException {
        String unrelated = "Jepsen found a bug with LazyFS in a queue. Kafka moved on.\n";
        try (Harness h = build(dir.resolve("kb"), List.of(doc("transformer", TRANSFORMER), doc("queues", unrelated)))) {
            String summary = h.read("wiki/summaries/queues.md");
            assertTrue(summary.contains("[[entities/lazyfs]]"), summary);
            assertTrue(Files.exists(h.kb.entity("lazyfs")));
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void tableResidueInProseIsNoFactEither() throws IOException {
        String bench = """
                # Flush latency

                NVMe SSD file fsync 0.8 1.4 2.1 3.5

                SATA SSD file fsync 2.0 3.1 4.4 6.0

                The NVMe SSD flushed a file in under a millisecond on every run.
                """;
        String notes = "An NVMe SSD acknowledges a flush quickly. The NVMe SSD still loses its cache on power loss.\n";
        try (Harness h = build(dir.resolve("kb"), List.of(doc("notes", notes), doc("bench", bench)))) {
            String page = h.read("wiki/entities/nvme-ssd.md");
            assertTrue(page.contains("## From bench\n\n- The NVMe SSD flushed a file in under a millisecond"), page);
            assertFalse(page.contains("0.8"), "a line of table cells is no fact: " + page);
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void everySummaryLinksToItsFullTextSoNoLintCallsOneWithoutConceptsAnOrphan() throws IOException {
        String recipe = "Whisk two eggs with a little milk and pour them into a hot pan before they set.\n";
        try (Harness h = build(dir.resolve("kb"), List.of(doc("transformer", TRANSFORMER), doc("recipe", recipe)))) {
            String summary = h.read("wiki/summaries/recipe.md");
            assertTrue(summary.contains("Full text: [[sources/recipe]]"), summary);
            // Also a summary with concepts of its own: whether a document has any depends on the
            // documents before it, and a link that came and went made recompile differ from add.
            assertTrue(h.read("wiki/summaries/transformer.md").contains("Full text: [[sources/transformer]]"));
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }

    @Test
    void aPageFirstMadeFromATableTakesItsDescriptionFromTheFirstStatementThatFollows() throws IOException {
        String table = """
                | Engine | Durability mechanism |
                | --- | --- |
                | SQLite | rollback journal |
                | PostgreSQL | write-ahead log |
                """;
        String prose = "SQLite keeps a rollback journal beside the database. PostgreSQL replays its log.\n";
        try (Harness h = build(dir.resolve("kb"), List.of(doc("engines", table), doc("more", table.replace("Engine", "Store")),
                doc("notes", prose)))) {
            String sqlite = h.read("wiki/entities/sqlite.md");
            assertTrue(sqlite.contains("description: \"SQLite keeps a rollback journal beside the database.\""), sqlite);
            assertEquals(List.of(), WikiCheck.problems(h.kb));
        }
    }
}
