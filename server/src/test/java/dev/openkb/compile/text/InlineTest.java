package dev.openkb.compile.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InlineTest {
    @Test
    void markdownBecomesPlainText() {
        assertEquals("A log and its record, see the guide or wal; code x and done.",
                Inline.strip("A **log** and _its_ ~~record~~, see [the guide](g.md) or [[concepts/wal]]; `code x`![img](i.png) and <b>done</b>."));
    }

    @Test
    void tagsAreRemovedExactlyAsTheTagPatternWould() {
        Pattern tag = Pattern.compile("</?[A-Za-z][^>]*>");
        Random rnd = new Random(7);
        String alphabet = "<>/a Z1-";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = rnd.nextInt(24); i > 0; i--) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(tag.matcher(s).replaceAll(""), Inline.withoutTags(s), s);
        }
    }

    @Test
    void openersWithoutClosersAreLeftAsWritten() {
        // Each of these used to scan to the end of the paragraph from every opener (quadratic).
        for (String opener : new String[] {"*a ", "_a ", "[a ", "![a ", "<a "}) {
            String paragraph = opener.repeat(20_000).strip();
            assertEquals(paragraph, Inline.strip(paragraph), opener);
        }
        assertEquals("a a **a a", Inline.strip("**a **a **a ~~a~~"), "pairs still close each other; the odd one out stays");
    }

    @Test
    void anEmphasisOrLinkLongerThanTheBoundStaysAsWritten() {
        String longText = "word ".repeat(250).strip();
        assertEquals("*" + longText + "*", Inline.strip("*" + longText + "*"));
        assertEquals("emphasis", Inline.strip("*emphasis*"));
    }
}
