package dev.openkb.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenKB's {@code TestNormalizeTarget} and {@code TestStripGhostWikilinks}, re-expressed. */
class TargetsAndGhostLinksTest {

    @Test
    void normalizeLowercasesReplacesUnderscoresAndCollapsesHyphens() {
        assertEquals("concepts/ai-agents", Targets.normalize("concepts/AI-Agents"));
        assertEquals("concepts/gist-memory", Targets.normalize("concepts/gist_memory"));
        assertEquals("concepts/foo-bar", Targets.normalize("concepts/foo--bar"));
        assertEquals("concepts/foo", Targets.normalize("concepts/-foo-"));
        assertEquals("a/b", Targets.normalize("-a-/_b_"));
    }

    @Test
    void normalizeMatchesAStraightTranscriptionOfOpenKbsFunction() {
        java.util.Random rnd = new java.util.Random(3);
        String alphabet = "ab-_/A（é";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = rnd.nextInt(9); k > 0; k--) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = b.toString();
            String ref = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
            ref = java.util.Arrays.stream(ref.split("/", -1)).map(p -> PyText.strip(p.replaceAll("-+", "-"), '-'))
                    .collect(java.util.stream.Collectors.joining("/"));
            assertEquals(ref, Targets.normalize(s), s);
        }
    }

    @Test
    void normalizeAppliesNfkcToFullWidthParentheses() {
        assertEquals(Targets.normalize("summaries/A(B)"), Targets.normalize("summaries/A（B)"));
    }

    @Test
    void normIndexKeepsTheSmallestCanonicalOnCollision() {
        Map<String, String> index = Targets.buildNormIndex(Set.of("concepts/Foo", "concepts/foo"));
        assertEquals(Map.of("concepts/foo", "concepts/Foo"), index);
    }

    @Test
    void keepsDirectMatch() {
        GhostResult r = GhostLinks.strip("See [[concepts/attention]] for details.", Set.of("concepts/attention"));
        assertEquals("See [[concepts/attention]] for details.", r.text());
        assertEquals(new GhostResult(r.text(), 1, 0, 0), r);
    }

    @Test
    void stripsUnknownTargetToItsLastSegment() {
        GhostResult r = GhostLinks.strip("See [[concepts/missing]] for details.", Set.of("concepts/attention"));
        assertEquals("See missing for details.", r.text());
        assertEquals(1, r.demoted());
    }

    @Test
    void rewritesFuzzyMatchesToTheCanonicalTarget() {
        assertEquals("See [[concepts/gist-memory]] now.",
                GhostLinks.strip("See [[concepts/gist_memory]] now.", Set.of("concepts/gist-memory")).text());
        assertEquals("See [[concepts/ai-agents]] now.",
                GhostLinks.strip("See [[concepts/AI-Agents]] now.", Set.of("concepts/ai-agents")).text());
        GhostResult r = GhostLinks.strip("See [[summaries/Agent 对接说明文档（已修订)]].",
                Set.of("summaries/Agent 对接说明文档（已修订）"));
        assertEquals("See [[summaries/Agent 对接说明文档（已修订）]].", r.text());
        assertEquals(1, r.rewritten());
    }

    @Test
    void preservesAliasOnDirectAndFuzzyMatch() {
        assertEquals("See [[concepts/attention|the attention mechanism]].",
                GhostLinks.strip("See [[concepts/attention|the attention mechanism]].", Set.of("concepts/attention")).text());
        assertEquals("See [[concepts/gist-memory|gist memory]].",
                GhostLinks.strip("See [[concepts/gist_memory|gist memory]].", Set.of("concepts/gist-memory")).text());
    }

    @Test
    void usesAliasAsDisplayWhenStripped() {
        assertEquals("See my term now.", GhostLinks.strip("See [[concepts/missing|my term]] now.", Set.of()).text());
    }

    @Test
    void stripsBareLinkToReadableText() {
        assertEquals("Uses multi head attention heavily.",
                GhostLinks.strip("Uses [[concepts/multi_head_attention]] heavily.", Set.of()).text());
    }

    @Test
    void handlesMixedLinksAndCountsEachGhostOccurrence() {
        GhostResult r = GhostLinks.strip("[[concepts/a]] and [[concepts/b]] and [[concepts/c]] [[concepts/b]]",
                Set.of("concepts/a", "concepts/c"));
        assertEquals("[[concepts/a]] and b and [[concepts/c]] b", r.text());
        assertEquals(new GhostResult(r.text(), 2, 0, 2), r);
    }

    @Test
    void emptyWhitelistStripsAllAndPlainTextIsUnchanged() {
        GhostResult r = GhostLinks.strip("[[a]] [[b/c]] [[d]]", Set.of());
        assertEquals("a c d", r.text());
        assertEquals(3, r.demoted());
        String plain = "Plain markdown with no wikilinks at all.";
        assertEquals(new GhostResult(plain, 0, 0, 0), GhostLinks.strip(plain, Set.of("concepts/foo")));
    }

    @Test
    void prebuiltNormIndexGivesIdenticalResults() {
        Set<String> known = Set.of("concepts/gist-memory", "summaries/paper");
        String text = "[[concepts/Gist_Memory]] [[summaries/paper]] [[nope]]";
        assertEquals(GhostLinks.strip(text, known), GhostLinks.strip(text, known, Targets.buildNormIndex(known)));
    }

    @Test
    void headingsAreKeptOnKeepAndRewriteAndSelfLinksSurvive() {
        GhostResult r = GhostLinks.strip("[[concepts/a#Intro]] [[concepts/B#x|y]] [[#Local]]",
                Set.of("concepts/a", "concepts/b"));
        assertEquals("[[concepts/a#Intro]] [[concepts/b#x|y]] [[#Local]]", r.text());
    }
}
