package dev.openkb.lsp;

import static dev.openkb.lsp.LspHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion, navigation and quick fixes on the fixture wiki, positions as an editor sends them. */
class EditorFeaturesTest {
    @TempDir
    Path dir;
    WikiFixture kb;

    @BeforeEach
    void kb() throws Exception {
        kb = WikiFixture.create(dir);
    }

    private LspHarness started() throws Exception {
        LspHarness h = LspHarness.start(LspHarness.fast());
        h.initialize(false, dir);
        h.client.awaitDiagnostics(WikiFixture.uri(kb.attention()), d -> d.getDiagnostics().size() == 2);
        return h;
    }

    private static TextDocumentIdentifier doc(Path p) {
        return new TextDocumentIdentifier(WikiFixture.uri(p));
    }

    /** The position of {@code needle}'s {@code offset}-th character on {@code line} of {@code text}. */
    private static Position at(String text, int line, String needle, int offset) {
        return new Position(line, text.lines().toList().get(line).indexOf(needle) + offset);
    }

    @Test
    void completesPageTargetsAfterDoubleBracketsAndClosesTheLink() throws Exception {
        try (LspHarness h = started()) {
            Path page = kb.selfAttention();
            String text = WikiFixture.SELF_ATTENTION + "More: [[soft";
            h.open(page, text, 1);
            CompletionList list = get(h.server.getTextDocumentService().completion(
                    new CompletionParams(doc(page), new Position(8, 12)))).getRight();
            assertEquals(List.of("concepts/softmax"), list.getItems().stream().map(CompletionItem::getLabel).toList());
            CompletionItem item = list.getItems().get(0);
            assertEquals("Softmax", item.getDetail());
            assertEquals(new TextEdit(new Range(new Position(8, 8), new Position(8, 12)), "concepts/softmax]]"),
                    item.getTextEdit().getLeft());

            h.change(page, WikiFixture.SELF_ATTENTION + "More: [[]]", 2);
            list = get(h.server.getTextDocumentService().completion(
                    new CompletionParams(doc(page), new Position(8, 8)))).getRight();
            assertTrue(list.getItems().size() >= 3, "every page is offered after a bare [[");
            assertTrue(list.getItems().stream().allMatch(i -> !i.getTextEdit().getLeft().getNewText().endsWith("]]")),
                    "]] already follows the cursor");
            assertFalse(list.getItems().stream().anyMatch(i -> i.getLabel().equals("AGENTS")), "AGENTS.md is not a target");
        }
    }

    @Test
    void completesHeadingsAfterHashAndMatchesTitles() throws Exception {
        try (LspHarness h = started()) {
            Path page = kb.selfAttention();
            h.open(page, WikiFixture.SELF_ATTENTION + "[[concepts/softmax#", 1);
            CompletionList list = get(h.server.getTextDocumentService().completion(
                    new CompletionParams(doc(page), new Position(8, 19)))).getRight();
            assertEquals(List.of("Softmax", "Definition"), list.getItems().stream().map(CompletionItem::getLabel).toList());
            h.change(page, WikiFixture.SELF_ATTENTION + "[[self-att", 2);
            list = get(h.server.getTextDocumentService().completion(
                    new CompletionParams(doc(page), new Position(8, 10)))).getRight();
            assertEquals(List.of("concepts/self-attention"), list.getItems().stream().map(CompletionItem::getLabel).toList());
        }
    }

    @Test
    void goesToTheLinkedPageAndItsHeading() throws Exception {
        try (LspHarness h = started()) {
            String t = WikiFixture.ATTENTION;
            List<? extends Location> defs = get(h.server.getTextDocumentService().definition(new DefinitionParams(
                    doc(kb.attention()), at(t, 9, "[[concepts/softmax", 4)))).getLeft();
            assertEquals(List.of(new Location(WikiFixture.uri(kb.softmax()),
                    new Range(new Position(7, 0), new Position(7, 0)))), defs, "the ## Definition line");
            defs = get(h.server.getTextDocumentService().definition(new DefinitionParams(
                    doc(kb.attention()), at(t, 7, "[[concepts/missing-page]]", 3)))).getLeft();
            assertEquals(List.of(), defs, "a broken link goes nowhere");
            defs = get(h.server.getTextDocumentService().definition(new DefinitionParams(
                    doc(kb.attention()), new Position(5, 2)))).getLeft();
            assertEquals(List.of(), defs, "off any link");
        }
    }

    @Test
    void listsBacklinksWithTheExactLinkRanges() throws Exception {
        try (LspHarness h = started()) {
            List<? extends Location> refs = get(h.server.getTextDocumentService().references(new ReferenceParams(
                    doc(kb.attention()), new Position(0, 0), new ReferenceContext(false))));
            Map<String, Range> byUri = refs.stream().collect(Collectors.toMap(Location::getUri, Location::getRange));
            assertEquals(Map.of(
                    WikiFixture.uri(kb.selfAttention()), new Range(new Position(7, 10), new Position(7, 32)),
                    WikiFixture.uri(kb.softmax()), new Range(new Position(8, 8), new Position(8, 30)),
                    WikiFixture.uri(kb.index()), new Range(new Position(5, 2), new Position(5, 24))), byUri);
            refs = get(h.server.getTextDocumentService().references(new ReferenceParams(doc(kb.selfAttention()),
                    at(WikiFixture.SELF_ATTENTION, 7, "[[concepts/attention]]", 2), new ReferenceContext(true))));
            assertEquals(4, refs.size(), "on a link: the backlinks of its target, plus the target itself");
            assertEquals(WikiFixture.uri(kb.attention()), refs.get(0).getUri());
        }
    }

    @Test
    void hoverShowsTheTargetTitleAndDescription() throws Exception {
        try (LspHarness h = started()) {
            Hover hover = get(h.server.getTextDocumentService().hover(new HoverParams(doc(kb.attention()),
                    at(WikiFixture.ATTENTION, 9, "[[concepts/softmax", 5))));
            assertEquals("**Softmax**\n\nTurns scores into probabilities.\n\n`concepts/softmax`",
                    hover.getContents().getRight().getValue());
            hover = get(h.server.getTextDocumentService().hover(new HoverParams(doc(kb.attention()),
                    at(WikiFixture.ATTENTION, 7, "[[concepts/Self_Attention]]", 5))));
            assertEquals("No page named `concepts/Self_Attention`; did you mean `concepts/self-attention`?",
                    hover.getContents().getRight().getValue());
            assertNull(get(h.server.getTextDocumentService().hover(new HoverParams(doc(kb.attention()),
                    new Position(5, 1)))));
        }
    }

    @Test
    void documentLinksCoverResolvedLinksOnly() throws Exception {
        try (LspHarness h = started()) {
            List<DocumentLink> links = get(h.server.getTextDocumentService().documentLink(
                    new DocumentLinkParams(doc(kb.attention()))));
            assertEquals(1, links.size());
            assertEquals(WikiFixture.uri(kb.softmax()), links.get(0).getTarget());
            assertEquals("Softmax", links.get(0).getTooltip());
        }
    }

    @Test
    void quickFixesReplaceWithTheRepairCandidateOrDemoteToText() throws Exception {
        try (LspHarness h = started()) {
            Position p = at(WikiFixture.ATTENTION, 7, "[[concepts/Self_Attention]]", 3);
            List<CodeAction> actions = actions(h, kb.attention(), new Range(p, p));
            assertEquals(List.of("Replace with [[concepts/self-attention]]",
                    "Demote [[concepts/Self_Attention]] to text \"Self Attention\""),
                    actions.stream().map(CodeAction::getTitle).toList());
            TextEdit replace = actions.get(0).getEdit().getChanges().get(WikiFixture.uri(kb.attention())).get(0);
            assertEquals(new Range(new Position(7, 5), new Position(7, 32)), replace.getRange());
            assertEquals("[[concepts/self-attention]]", replace.getNewText());
            assertEquals("broken-link", actions.get(0).getDiagnostics().get(0).getCode().getLeft());
            assertTrue(actions.get(0).getIsPreferred());

            p = at(WikiFixture.ATTENTION, 7, "[[concepts/missing-page]]", 3);
            actions = actions(h, kb.attention(), new Range(p, p));
            assertEquals(List.of("Demote [[concepts/missing-page]] to text \"missing page\""),
                    actions.stream().map(CodeAction::getTitle).toList());
        }
    }

    @Test
    void offersAddToIndexOnTheUnlistedPageAndOnIndexMd() throws Exception {
        try (LspHarness h = started()) {
            Path fresh = kb.layout.concept("fresh");
            h.open(fresh, "---\ntype: \"Concept\"\ndescription: \"Brand new.\"\n---\n\n# Fresh\n\n[[concepts/attention]]\n", 1);
            h.client.awaitDiagnostics(WikiFixture.uri(kb.index()), d -> d.getDiagnostics().size() == 1);
            List<CodeAction> onPage = actions(h, fresh, new Range(new Position(0, 0), new Position(0, 0)));
            assertEquals(List.of("Add [[concepts/fresh]] to index.md"), onPage.stream().map(CodeAction::getTitle).toList());
            TextEdit e = onPage.get(0).getEdit().getChanges().get(WikiFixture.uri(kb.index())).get(0);
            assertEquals(new Range(new Position(5, 0), new Position(5, 0)), e.getRange(), "at the top of ## Concepts");
            assertEquals("- [[concepts/fresh]] — Brand new.\n", e.getNewText());
            List<CodeAction> onIndex = actions(h, kb.index(), new Range(new Position(4, 3), new Position(4, 3)));
            assertEquals(onPage.stream().map(CodeAction::getTitle).toList(), onIndex.stream().map(CodeAction::getTitle).toList());
        }
    }

    /** The quick fixes (as VS Code's light bulb asks: the source actions are WikiNavigationTest's). */
    private static List<CodeAction> actions(LspHarness h, Path file, Range range) {
        return get(h.server.getTextDocumentService().codeAction(new CodeActionParams(doc(file), range,
                new CodeActionContext(List.of(), List.of("quickfix"))))).stream().map(Either::getRight).toList();
    }
}
