package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfTextCleanupTest {
    @TempDir
    Path dir;

    @Test
    void runningHeadersFootersAndPageNumbersAreDroppedButTheTextStays() {
        List<String> pages = PdfTextCleanup.pages(List.of(
                "Journal of Tests, Vol. 3\nFirst page text.\n1",
                "Journal of Tests, Vol. 3\nSecond page text.\n2",
                "Journal of Tests, Vol. 3\nThird page text.\n- 3 -",
                "Journal of Tests, Vol. 3\nJournal of Tests, Vol. 3 is cited here.\niv"));
        assertEquals(List.of("Journal of Tests, Vol. 3\nFirst page text.", "Second page text.", "Third page text.",
                "Journal of Tests, Vol. 3 is cited here."), pages);
    }

    @Test
    void aSentenceRepeatedAtTheEdgeOfEveryPageIsTextNotAFooter() {
        String repeated = "Engineers at the University of Wisconsin showed that many applications get this order wrong.";
        List<String> pages = PdfTextCleanup.pages(List.of(
                "Guide, part 1\nOne page.\n" + repeated,
                "Guide, part 2\nTwo pages.\n" + repeated,
                "Guide, part 3\nThree pages.\n" + repeated));
        assertEquals(List.of("Guide, part 1\nOne page.\n" + repeated, "Two pages.\n" + repeated,
                "Three pages.\n" + repeated), pages);
    }

    @Test
    void aLineRepeatedOnTwoPagesOfTwoIsNotARunningHeader() {
        assertEquals(List.of("Results\nOne.", "Results\nTwo."), PdfTextCleanup.pages(List.of("Results\nOne.", "Results\nTwo.")));
    }

    @Test
    void wordsBrokenAtLineAndPageEndsAreJoinedKeepingHyphensTheDocumentWrites() {
        List<String> pages = PdfTextCleanup.pages(List.of(
                "We train Convolu-\ntional networks on state-of-the-\nart data with a well-\nknown method.\nA well-known",
                "trick and a pre-\ntrained model; see the appen-",
                "dix for details."));
        assertEquals(List.of(
                "We train Convolutional\nnetworks on state-of-the-art\ndata with a well-known\nmethod.\nA well-known",
                "trick and a pretrained\nmodel; see the appendix", "for details."), pages);
    }

    @Test
    void theAbstractSectionsAndReferencesBecomeHeadings() {
        List<String> pages = PdfTextCleanup.pages(List.of(
                "Attention Is All You Need\nAshish Vaswani\nAbstract\nThe dominant sequence models are recurrent.\n"
                        + "1 Introduction\nRecurrent networks have been established.\n1. We propose a model.",
                "3.2 Multi-Head Attention\nText with 3 numbers 4 and 5.\nReferences\n[1] Bahdanau et al. Neural translation.\n"
                        + "2 Parallel Corpora Are Cited"));
        assertEquals("Attention Is All You Need\nAshish Vaswani\n\n## Abstract\n\nThe dominant sequence models are recurrent.\n\n"
                + "## 1 Introduction\n\nRecurrent networks have been established.\n1. We propose a model.", pages.get(0));
        assertEquals("### 3.2 Multi-Head Attention\n\nText with 3 numbers 4 and 5.\n\n## References\n\n"
                + "[1] Bahdanau et al. Neural translation.\n2 Parallel Corpora Are Cited", pages.get(1));
    }

    @Test
    void anAbstractRunOnWithItsTextIsSplitFromIt() {
        String page = PdfTextCleanup.pages(List.of("Title\nAbstract—We study things.\nMore.")).get(0);
        assertEquals("Title\n\n## Abstract\n\nWe study things.\nMore.", page);
        assertFalse(PdfTextCleanup.pages(List.of("Abstract algebra is fun.")).get(0).contains("##"));
        // libtasn1's manual: the first line names "Abstract Syntax Notation One", which is no abstract
        assertFalse(PdfTextCleanup.pages(List.of("Abstract Syntax Notation One (ASN.1) library")).get(0).contains("##"));
    }

    @Test
    void aConvertedPdfCarriesTheCleanedText() throws Exception {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            String[] bodies = {"Page one is about Convolu-", "The second looks at recurrent", "A third reviews pre-"};
            String[] ends = {"tional nets.", "models and their limits.", "training at scale."};
            for (int i = 0; i < 3; i++) {
                f.page().line("Proceedings of Testing 2024", 9).line(bodies[i], 11).line(ends[i], 11)
                        .line("Further text of page " + (char) ('A' + i), 11).line(String.valueOf(i + 1), 9);
            }
            pdf = f.save(dir.resolve("paper.pdf"));
        }
        String md = markdown(new PdfConverter().convert(ConvertFixtures.request(pdf, dir.resolve("staging"))));
        assertEquals(1, md.split("Proceedings of Testing", -1).length - 1, md); // kept on the title page only
        assertTrue(md.contains("Page one is about Convolutional\nnets."), md);
        assertTrue(md.contains("A third reviews pretraining\nat scale."), md);
        assertFalse(md.lines().anyMatch(l -> l.strip().matches("\\d")), md);
    }
}
