package dev.openkb.pageindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {
    private final TreeBuilder builder = new TreeBuilder();

    private static TextLine body(String text) {
        return new TextLine(text, 11, false);
    }

    private static TextLine heading(String text, float size) {
        return new TextLine(text, size, false);
    }

    private static PageText page(int n, TextLine... lines) {
        return new PageText(n, List.of(lines));
    }

    private static List<String> spans(List<TreeNode> nodes) {
        return nodes.stream().map(n -> n.title() + " " + n.startPage() + "-" + n.endPage()).toList();
    }

    @Test
    void outlineSectionsEndWhereTheNextSiblingStartsAndLastOnesEndWithTheirParent() {
        List<OutlineEntry> outline = List.of(
                new OutlineEntry("A", 1, List.of(new OutlineEntry("A.1", 2, List.of()),
                        new OutlineEntry("A.2", 4, List.of()))),
                new OutlineEntry("B", 7, List.of()));
        DocTree tree = builder.build(null, "stem", 10, List.of(), outline);

        assertEquals(List.of("A 1-6", "B 7-10"), spans(tree.roots()));
        assertEquals(List.of("A.1 2-3", "A.2 4-6"), spans(tree.roots().get(0).children()));
        assertEquals(List.of("0000", "0001", "0002", "0003"),
                tree.preorder().stream().map(TreeNode::nodeId).toList());
        assertEquals("stem", tree.title());
    }

    @Test
    void bookmarkWithoutDestinationTakesItsFirstChildsPageAndSiblingsOnOnePageShareIt() {
        List<OutlineEntry> outline = List.of(
                new OutlineEntry("Front", 0, List.of(new OutlineEntry("Preface", 3, List.of()))),
                new OutlineEntry("Same page", 3, List.of()),
                new OutlineEntry("Beyond the end", 99, List.of()));
        DocTree tree = builder.build("", "stem", 5, List.of(), outline);

        assertEquals(List.of("Front 3-3", "Same page 3-4", "Beyond the end 5-5"), spans(tree.roots()));
    }

    @Test
    void headingsNestByNumberingAndSizeAndRunningHeadersAreIgnored() {
        List<PageText> pages = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            List<TextLine> lines = new ArrayList<>();
            lines.add(heading("Company Confidential", 16));
            switch (n) {
                case 1 -> lines.add(heading("1 Overview", 18));
                case 4 -> lines.add(heading("1.1 Detail", 13));
                case 7 -> lines.add(heading("Unnumbered Big Heading", 18));
                default -> { }
            }
            lines.add(body("This page has ordinary body text that is long enough to count as prose."));
            lines.add(body("Page " + n));
            pages.add(new PageText(n, lines));
        }
        DocTree tree = builder.build(null, "stem", 12, pages, List.of());

        assertEquals(List.of("1 Overview 1-6", "Unnumbered Big Heading 7-12"), spans(tree.roots()));
        assertEquals(List.of("1.1 Detail 4-6"), spans(tree.roots().get(0).children()));
        assertEquals("1 Overview", tree.title());
    }

    @Test
    void boldNumberedLinesAreHeadingsButNumberedListItemsAreNot() {
        List<PageText> pages = List.of(
                page(1, new TextLine("1. Introduction", 11, true),
                        body("An introduction that reads like a normal paragraph of text."),
                        body("1. Preheat the oven to two hundred degrees before you start."),
                        body("2. Mix the flour and the water in a large bowl until smooth.")),
                page(2, new TextLine("2. Method", 11, true), body("The method is simple and has been tested well.")));
        DocTree tree = builder.build(null, "stem", 2, pages, List.of());

        assertEquals(List.of("1. Introduction 1-1", "2. Method 2-2"), spans(tree.roots()));
    }

    @Test
    void headingWrappedOverTwoLinesIsOneNode() {
        List<PageText> pages = List.of(
                page(1, heading("A Very Long Title That", 20), heading("Wraps Onto Two Lines", 20),
                        body("The body of the first section is plain prose of decent length.")),
                page(2, heading("Second Section", 20), body("More prose follows in the second section here.")));
        DocTree tree = builder.build(null, "stem", 2, pages, List.of());

        assertEquals(List.of("A Very Long Title That Wraps Onto Two Lines 1-1", "Second Section 2-2"),
                spans(tree.roots()));
        assertEquals("The body of the first section is plain prose of decent length.", tree.roots().get(0).summary());
    }

    @Test
    void withoutOutlineOrHeadingsTheTreeSplitsPagesIntoRanges() {
        List<PageText> pages = new ArrayList<>();
        for (int n = 1; n <= 25; n++) {
            pages.add(page(n, body("Plain text on every page without any structure at all, page " + n + ".")));
        }
        DocTree tree = builder.build(null, "stem", 25, pages, List.of());

        assertEquals(9, tree.roots().size());
        assertEquals("Pages 1–3 1-3", spans(tree.roots()).get(0));
        assertEquals("Page 25 25-25", spans(tree.roots()).get(8));
    }

    @Test
    void summaryIsTheFirstRealSentencesAfterTheHeadingSkippingSubheadingsAndUndoingHyphens() {
        List<PageText> pages = List.of(
                page(1, heading("Chapter 1", 18), heading("1.1 First", 14), body("Fig. 3"),
                        body("This chapter explains how the parts fit toge-"), body("ther in a system."),
                        body("A second sentence adds detail."), body("A third one is never used.")));
        DocTree tree = builder.build(null, "stem", 1, pages, List.of());

        assertEquals("This chapter explains how the parts fit together in a system. A second sentence adds detail.",
                tree.roots().get(0).summary());
    }

    @Test
    void summariesAndDescriptionAreBoundedAndDeterministic() {
        String longSentence = "Word ".repeat(120).strip() + ".";
        List<PageText> pages = List.of(page(1, heading("Only Section", 20), body(longSentence)));
        DocTree first = builder.build(null, "stem", 1, pages, List.of());
        DocTree second = builder.build(null, "stem", 1, pages, List.of());

        assertEquals(first, second);
        String summary = first.roots().get(0).summary();
        assertTrue(summary.length() <= 300 && summary.endsWith("…"), summary);
        assertTrue(first.description().length() < 200, first.description());
    }

    @Test
    void metadataTitleWinsAndDescriptionFallsBackToTheTitle() {
        DocTree tree = builder.build("  The Real Title ", "stem", 3, List.of(page(1, body("no sentence"))), List.of());

        assertEquals("The Real Title", tree.title());
        assertEquals("The Real Title", tree.description());
    }
}
