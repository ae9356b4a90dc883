package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.lint.LintCodes;
import dev.openkb.lint.Linter;
import dev.openkb.lint.WikiIndex;
import dev.openkb.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outline, workspace symbols, folding, the backlinks lens, rename (prepare, rename, willRenameFiles,
 * openkb/renamePage) and the source actions, on the fixture wiki, as an editor asks for them.
 */
class WikiNavigationTest {
    @TempDir
    Path dir;
    WikiFixture kb;

    @BeforeEach
    void kb() throws Exception {
        kb = WikiFixture.create(dir.resolve("kb"));
    }

    /** A client that applies file renames in workspace edits (VS Code, Neovim) when {@code renamesFiles}. */
    private LspHarness started(boolean renamesFiles) throws Exception {
        return started(renamesFiles, null);
    }

    private LspHarness started(boolean renamesFiles, Object initializationOptions) throws Exception {
        LspHarness h = LspHarness.start(LspHarness.fast());
        InitializeParams p = new InitializeParams();
        p.setInitializationOptions(initializationOptions);
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(Uris.toUri(dir), "ws")));
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        edits.setResourceOperations(renamesFiles ? List.of("create", "rename", "delete") : List.of());
        ws.setWorkspaceEdit(edits);
        ws.setCodeLens(new org.eclipse.lsp4j.CodeLensWorkspaceCapabilities(true));
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        ServerCapabilities sc = get(h.server.initialize(p)).getCapabilities();
        assertTrue(sc.getRenameProvider().getRight().getPrepareProvider());
        assertEquals("**/wiki/**/*.md", sc.getWorkspace().getFileOperations().getWillRename().getFilters().get(0)
                .getPattern().getGlob());
        h.server.initialized(new InitializedParams());
        h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> d.getDiagnostics().size() == 2);
        return h;
    }

    private static TextDocumentIdentifier doc(Path p) {
        return new TextDocumentIdentifier(WikiFixture.uri(p));
    }

    @Test
    void theOutlineIsTheFrontMatterThenTheHeadingsAsATree() throws Exception {
        try (LspHarness h = started(true)) {
            List<DocumentSymbol> symbols = get(h.server.getTextDocumentService().documentSymbol(
                    new DocumentSymbolParams(doc(kb.attention())))).stream().map(Either::getRight).toList();
            assertEquals(List.of("front matter", "Attention"), symbols.stream().map(DocumentSymbol::getName).toList());
            assertEquals(List.of("type", "description"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
            assertEquals(new Range(new Position(0, 0), new Position(3, 3)), symbols.get(0).getRange());
            DocumentSymbol title = symbols.get(1);
            assertEquals(new Range(new Position(5, 0), new Position(5, 11)), title.getSelectionRange());
            assertEquals(List.of("Scaled dot product"), title.getChildren().stream().map(DocumentSymbol::getName).toList());
            assertEquals(8, title.getChildren().get(0).getRange().getStart().getLine());

            h.open(kb.softmax(), "# Top\n\n```\n# not a heading\n```\n- one\n- two\n  more\n\n## Sub\ntext\n", 1);
            symbols = get(h.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(kb.softmax()))))
                    .stream().map(Either::getRight).toList();
            assertEquals(List.of("Top"), symbols.stream().map(DocumentSymbol::getName).toList(), "the open buffer's outline");
            assertEquals(List.of("Sub"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
            List<FoldingRange> folds = get(h.server.getTextDocumentService().foldingRange(
                    new FoldingRangeRequestParams(doc(kb.softmax()))));
            List<String> spans = folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).sorted().toList();
            assertEquals(List.of("0-10", "2-4", "5-7", "9-10"), spans, "section, code fence, list, subsection");
            folds = get(h.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(doc(kb.attention()))));
            assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 0 && f.getEndLine() == 3), "the front matter folds");
        }
    }

    @Test
    void workspaceSymbolsFindTitlesAndHeadingsFuzzily() throws Exception {
        try (LspHarness h = started(true)) {
            List<? extends WorkspaceSymbol> hits = get(h.server.getWorkspaceService().symbol(
                    new WorkspaceSymbolParams("selfatt"))).getRight();
            assertEquals("Self-attention", hits.get(0).getName());
            assertEquals(WikiFixture.uri(kb.selfAttention()), hits.get(0).getLocation().getLeft().getUri());
            hits = get(h.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("sdp"))).getRight();
            assertEquals("Scaled dot product", hits.get(0).getName());
            assertEquals("Attention", hits.get(0).getContainerName());
            assertEquals(8, hits.get(0).getLocation().getLeft().getRange().getStart().getLine());
            assertEquals(List.of(), get(h.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("zzzq"))).getRight());
        }
    }

    @Test
    void theTitleCarriesABacklinksLensThatListsThem() throws Exception {
        try (LspHarness h = started(true)) {
            List<? extends CodeLens> lenses = get(h.server.getTextDocumentService().codeLens(new CodeLensParams(doc(kb.softmax()))));
            assertEquals(1, lenses.size());
            CodeLens lens = lenses.get(0);
            assertEquals(5, lens.getRange().getStart().getLine(), "on the H1");
            assertEquals("2 backlinks", lens.getCommand().getTitle());
            assertEquals(BacklinkLens.COMMAND, lens.getCommand().getCommand());
            String args = lens.getCommand().getArguments().toString();
            assertTrue(args.contains(WikiFixture.uri(kb.attention())) && args.contains(WikiFixture.uri(kb.index())), args);
        }
    }

    /**
     * A client may ask for lenses before the KB has loaded (they are then empty), and a commit or
     * another program changes the counts of pages it already shows: the server asks it to re-request
     * them after the load and after every change from disk (VS Code showed no lens otherwise).
     */
    @Test
    void theClientIsAskedToRefreshItsLensesOnceTheKbIsLoadedAndAfterChangesOnDisk() throws Exception {
        try (LspHarness h = started(true)) {
            int afterLoad = h.client.awaitLensRefreshes(1);
            java.nio.file.Files.writeString(kb.softmax().resolveSibling("extra.md"), "---\ntype: \"Concept\"\n---\n\n# Extra\n\nSee [[concepts/softmax]].\n");
            h.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                    new org.eclipse.lsp4j.FileEvent(WikiFixture.uri(kb.softmax().resolveSibling("extra.md")), org.eclipse.lsp4j.FileChangeType.Created))));
            h.client.awaitLensRefreshes(afterLoad + 1);
            List<? extends CodeLens> lenses = get(h.server.getTextDocumentService().codeLens(new CodeLensParams(doc(kb.softmax()))));
            assertEquals("3 backlinks", lenses.get(0).getCommand().getTitle(), "the count the refreshed lens shows");
        }
    }

    @Test
    void renamingALinkTargetRewritesEveryLinkAndMovesThePage() throws Exception {
        try (LspHarness h = started(true)) {
            Position onLink = new Position(9, 8);
            PrepareRenameResult prep = get(h.server.getTextDocumentService().prepareRename(
                    new PrepareRenameParams(doc(kb.attention()), onLink))).getSecond();
            assertEquals("softmax", prep.getPlaceholder());
            assertEquals(new Range(new Position(9, 6), new Position(9, 22)), prep.getRange(), "the target, concepts/softmax");
            assertNull(get(h.server.getTextDocumentService().prepareRename(
                    new PrepareRenameParams(doc(kb.attention()), new Position(7, 1)))), "nothing to rename off a link");

            WorkspaceEdit edit = get(h.server.getTextDocumentService().rename(
                    new RenameParams(doc(kb.attention()), onLink, "normalised-exponential")));
            List<Either<TextDocumentEdit, ResourceOperation>> changes = edit.getDocumentChanges();
            RenameFile move = (RenameFile) changes.get(changes.size() - 1).getRight();
            assertEquals(WikiFixture.uri(kb.softmax()), move.getOldUri());
            assertEquals(WikiFixture.uri(kb.layout.concept("normalised-exponential")), move.getNewUri());
            apply(edit);
            assertTrue(Fixtures.read(kb.attention()).contains("See [[concepts/normalised-exponential#Definition|softmax]]."));
            assertTrue(Fixtures.read(kb.index()).contains("- [[concepts/normalised-exponential]]\n"));
            assertFalse(Files.exists(kb.softmax()));
            var lint = Linter.lint(WikiIndex.build(kb.layout));
            assertEquals(2, lint.counts().get(LintCodes.BROKEN_LINK), "only the fixture's own two broken links: " + lint.all());
            assertEquals(0, lint.counts().get(LintCodes.INDEX_BROKEN_LINK) + lint.counts().get(LintCodes.INDEX_MISSING_PAGE));
        }
    }

    @Test
    void theTitleRenamesItsOwnPageAndRefusalsComeWithTheirReason() throws Exception {
        try (LspHarness h = started(true)) {
            Position onTitle = new Position(5, 3);
            PrepareRenameResult prep = get(h.server.getTextDocumentService().prepareRename(
                    new PrepareRenameParams(doc(kb.softmax()), onTitle))).getSecond();
            assertEquals("softmax", prep.getPlaceholder());
            assertEquals(new Range(new Position(5, 2), new Position(5, 9)), prep.getRange());

            ResponseErrorException e = failure(h.server.getTextDocumentService().rename(
                    new RenameParams(doc(kb.softmax()), onTitle, "attention")));
            assertTrue(e.getMessage().contains("already exists"), e.getMessage());
            assertEquals("PAGE_EXISTS", ((JsonObject) e.getResponseError().getData()).get("code").getAsString());
            e = failure(h.server.getTextDocumentService().rename(new RenameParams(doc(kb.softmax()), onTitle, "../up")));
            assertEquals("INVALID_ARGUMENT", ((JsonObject) e.getResponseError().getData()).get("code").getAsString());
            assertTrue(Files.exists(kb.softmax()));
        }
        try (LspHarness h = started(false)) {
            ResponseErrorException e = failure(h.server.getTextDocumentService().rename(
                    new RenameParams(doc(kb.softmax()), new Position(5, 3), "normalised")));
            assertTrue(e.getMessage().contains("openkb.renamePage"), "a client without file renames is told the way: "
                    + e.getMessage());
        }
    }

    @Test
    void aPageFileRenamedInTheEditorTakesItsLinksAlong() throws Exception {
        try (LspHarness h = started(true)) {
            WorkspaceEdit edit = get(h.server.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(
                    new FileRename(WikiFixture.uri(kb.softmax()), WikiFixture.uri(kb.layout.concept("soft-max")))))));
            assertTrue(edit.getDocumentChanges().stream().allMatch(Either::isLeft), "the client moves the file itself");
            apply(edit);
            assertTrue(Fixtures.read(kb.attention()).contains("[[concepts/soft-max#Definition|softmax]]"));
            assertTrue(Fixtures.read(kb.index()).contains("- [[concepts/soft-max]]\n"));

            assertNull(get(h.server.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(new FileRename(
                    WikiFixture.uri(kb.attention()), WikiFixture.uri(kb.layout.entity("attention"))))))),
                    "a move to another folder is not a rename");
        }
    }

    @Test
    void theServerSideRenameIsOneTransactionAndTheSnapshotFollows() throws Exception {
        try (LspHarness h = started(false)) {
            JsonObject p = LspHarness.params("page", "concepts/softmax");
            p.addProperty("newName", "normalised");
            Protocol.RenameResult r = get(h.server.renamePage(p));
            assertTrue(r.renamed());
            assertEquals("concepts/normalised", r.to());
            assertEquals(2, r.links());
            assertEquals(List.of(WikiFixture.uri(kb.layout.concept("normalised")), WikiFixture.uri(kb.index()),
                    WikiFixture.uri(kb.attention())).stream().sorted().toList(), r.changedPages().stream().sorted().toList());
            assertTrue(Fixtures.read(kb.attention()).contains("[[concepts/normalised#Definition|softmax]]"));
            List<? extends WorkspaceSymbol> hits = get(h.server.getWorkspaceService().symbol(
                    new WorkspaceSymbolParams("Softmax"))).getRight();
            assertEquals(WikiFixture.uri(kb.layout.concept("normalised")), hits.get(0).getLocation().getLeft().getUri(),
                    "the snapshot was reloaded before the answer");

            JsonObject onto = LspHarness.params("page", "concepts/normalised");
            onto.addProperty("newName", "attention");
            ResponseErrorException e = failure(h.server.renamePage(onto));
            assertEquals("PAGE_EXISTS", ((JsonObject) e.getResponseError().getData()).get("code").getAsString());
            JsonObject byUri = LspHarness.params("uri", WikiFixture.uri(kb.layout.concept("normalised")));
            byUri.addProperty("newName", "softmax-function");
            Object viaCommand = get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "openkb.renamePage", List.of(byUri))));
            assertTrue(viaCommand.toString().contains("concepts/softmax-function"), viaCommand.toString());
            assertTrue(Files.exists(kb.layout.concept("softmax-function")));
        }
    }

    @Test
    void sourceActionsOfferAddRecoverAndFixAllWithoutClientCode() throws Exception {
        Path outside = Fixtures.write(dir.resolve("notes/paper.md"), "# Paper\n\nWrite-ahead logging.\n");
        kb.crashMidMutation();
        // An untrusted workspace is not recovered at initialize, so the journal is still pending.
        try (LspHarness h = started(true, LspHarness.params("workspaceTrusted", false))) {
            List<String> titles = actions(h, kb.attention(), List.of("source"));
            assertTrue(titles.contains("Recover the knowledge base (an interrupted change is pending)"), titles.toString());
            h.open(outside);
            assertEquals(List.of("Add this file to the knowledge base"), actions(h, outside, null));
        }
        try (LspHarness h = started(true)) {
            List<String> titles = actions(h, kb.attention(), List.of("source.openkb.fixLinks"));
            assertEquals(List.of("Fix all broken links (2)"), titles, "the recovery was done by initialize");
            CodeAction fix = codeActions(h, kb.attention(), List.of("source.openkb.fixLinks")).get(0);
            get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(fix.getCommand().getCommand(),
                    fix.getCommand().getArguments())));
            assertEquals(List.of(), actions(h, kb.attention(), List.of("source")), "nothing broken is left");
            assertEquals(List.of(), actions(h, kb.attention(), List.of("quickfix")), "quick fixes only when asked, and none left");

            Path outside2 = Fixtures.write(dir.resolve("notes/log.txt"), "Crash recovery.\n");
            h.open(outside2, "Crash recovery.\n", 1);
            CodeAction add = codeActions(h, outside2, null).get(0);
            Object added = get(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    add.getCommand().getCommand(), add.getCommand().getArguments())));
            assertTrue(added.toString().contains("added=1"), added.toString());
        }
    }

    @Test
    void theDocumentsViewsRecompileRunsTheCompilerAgainOnOneDocument() throws Exception {
        Path note = Fixtures.write(dir.resolve("in/notes.md"), "# Notes\n\nCrash recovery relies on a write-ahead log.\n");
        try (dev.openkb.service.OpenKb engine = new dev.openkb.service.OpenKb(new dev.openkb.io.RealFileOps(), w -> { })) {
            assertEquals(1, engine.kb(kb.layout).add(List.of(note), 1, dev.openkb.engine.ProgressListener.NONE,
                    dev.openkb.engine.CancelToken.none()).added());
        }
        String compiled = Fixtures.read(kb.layout.summary("notes"));
        Files.writeString(kb.layout.summary("notes"), "---\ntype: \"Summary\"\ndescription: \"edited\"\n---\n\nstale\n");
        try (LspHarness h = started(true)) {
            Protocol.RecompileResult r = get(h.server.recompile(LspHarness.params("docName", "notes")));
            assertEquals(1, r.recompiled());
            assertEquals("recompiled", r.documents().get(0).status());
            assertEquals(compiled, Fixtures.read(kb.layout.summary("notes")));
            ResponseErrorException e = failure(h.server.recompile(new JsonObject()));
            assertTrue(e.getMessage().contains("exactly one of 'docName' and 'all'"), e.getMessage());
        }
    }

    private static List<String> actions(LspHarness h, Path file, List<String> only) {
        return codeActions(h, file, only).stream().map(CodeAction::getTitle).toList();
    }

    private static List<CodeAction> codeActions(LspHarness h, Path file, List<String> only) {
        CodeActionContext ctx = new CodeActionContext(List.of());
        ctx.setOnly(only);
        return get(h.server.getTextDocumentService().codeAction(new CodeActionParams(doc(file),
                new Range(new Position(0, 0), new Position(0, 0)), ctx))).stream().map(Either::getRight).toList();
    }

    private static ResponseErrorException failure(CompletableFuture<?> f) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
        return (ResponseErrorException) e.getCause();
    }

    /** Applies a workspace edit to the files as a client does: text edits (bottom-up per file), then renames. */
    static void apply(WorkspaceEdit edit) throws Exception {
        for (Either<TextDocumentEdit, ResourceOperation> c : edit.getDocumentChanges()) {
            if (c.isLeft()) {
                Path file = Uris.toPath(c.getLeft().getTextDocument().getUri()).orElseThrow();
                List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
                List<TextEdit> edits = new ArrayList<>(c.getLeft().getEdits().stream().map(Either::getLeft).toList());
                edits.sort(Comparator.comparing((TextEdit t) -> t.getRange().getStart().getLine())
                        .thenComparing(t -> t.getRange().getStart().getCharacter()).reversed());
                for (TextEdit t : edits) {
                    Range r = t.getRange();
                    assertEquals(r.getStart().getLine(), r.getEnd().getLine(), "link edits stay on one line");
                    String l = lines.get(r.getStart().getLine());
                    lines.set(r.getStart().getLine(), l.substring(0, r.getStart().getCharacter()) + t.getNewText()
                            + l.substring(r.getEnd().getCharacter()));
                }
                Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
            } else {
                RenameFile rf = (RenameFile) c.getRight();
                Files.move(Uris.toPath(rf.getOldUri()).orElseThrow(), Uris.toPath(rf.getNewUri()).orElseThrow());
            }
        }
    }
}
