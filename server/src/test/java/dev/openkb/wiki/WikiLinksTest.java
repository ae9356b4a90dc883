package dev.openkb.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class WikiLinksTest {

    @Test
    void splitsTargetHeadingAndAlias() {
        WikiLink l = WikiLinks.parse("See [[ concepts/attention#Scaled dot | the attention ]].").get(0);
        assertEquals(" concepts/attention#Scaled dot | the attention ", l.raw());
        assertEquals("concepts/attention", l.target());
        assertEquals("Scaled dot", l.heading());
        assertEquals("the attention", l.alias());
        assertEquals("concepts/attention#Scaled dot", l.targetText());
    }

    @Test
    void plainLinkHasNoAliasOrHeading() {
        WikiLink l = WikiLinks.parse("[[summaries/paper]]").get(0);
        assertEquals("summaries/paper", l.target());
        assertNull(l.alias());
        assertNull(l.heading());
        assertEquals(0, l.startChar());
        assertEquals(19, l.endChar());
    }

    @Test
    void columnsAreUtf16UnitsAfterMultiByteText() {
        // "é" is one UTF-16 unit (two UTF-8 bytes); the emoji is two units (four bytes).
        List<WikiLink> links = WikiLinks.parse("é😀 [[a]] 对接 [[b|c]]");
        assertEquals(4, links.get(0).startChar());
        assertEquals(9, links.get(0).endChar());
        assertEquals(13, links.get(1).startChar());
        assertEquals(20, links.get(1).endChar());
    }

    @Test
    void linesCountCrLfAndLoneCrOnce() {
        List<WikiLink> links = WikiLinks.parse("---\r\ntype: x\r\n---\r\n\r\nA [[one]]\rB [[two]]\nC [[three]]");
        assertEquals(List.of(4, 5, 6), links.stream().map(WikiLink::line).toList());
        assertEquals(List.of(2, 2, 2), links.stream().map(WikiLink::startChar).toList());
    }

    @Test
    void findsSeveralLinksOnOneLineLeftmostFirst() {
        List<WikiLink> links = WikiLinks.parse("[[a]][[b]] x [[[c]] y [[]] [[d]");
        assertEquals(List.of("a", "b", "[c"), links.stream().map(WikiLink::target).toList());
        assertEquals(List.of(0, 5, 13), links.stream().map(WikiLink::startChar).toList());
    }

    @Test
    void aLinkNeverSpansALineBreak() {
        assertEquals(List.of("b"), WikiLinks.parse("[[a\nx]] [[b]]").stream().map(WikiLink::target).toList());
    }

    @Test
    void sameHeadingLinkIsASelfLink() {
        WikiLink l = WikiLinks.parse("[[#Intro]]").get(0);
        assertEquals("", l.target());
        assertEquals("Intro", l.heading());
        assertEquals(true, l.isSelfLink());
    }

    @Test
    void replaceRewritesExactSpansAndKeepsEverythingElse() {
        String text = "Ä [[x]]\r\nand [[y|why]] [[z]]";
        List<WikiLink> links = WikiLinks.parse(text);
        String out = WikiLinks.replace(text, List.of(new LinkEdit(links.get(2), "Z"), new LinkEdit(links.get(0), "[[X]]")));
        assertEquals("Ä [[X]]\r\nand [[y|why]] Z", out);
    }

    @Test
    void rewriteReturnsTheSameStringWhenNothingChanges() {
        String text = "a [[b]] c";
        assertSame(text, WikiLinks.rewrite(text, l -> null));
        assertEquals("a B c", WikiLinks.rewrite(text, l -> l.target().toUpperCase()));
    }

    @Test
    void renderLeavesOutEmptyParts() {
        assertEquals("[[a#h|b]]", WikiLink.render("a", "h", "b"));
        assertEquals("[[a]]", WikiLink.render("a", null, ""));
    }
}
