package dev.openkb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class VisibleTextTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertEquals("a\\x1b[31mb\\x07c\\x00\\x7f", VisibleText.escape("a\u001b[31mb\u0007c\u0000\u007f"));
        assertEquals("line\\nbreak\\r\\ttab", VisibleText.escape("line\nbreak\r\ttab"));
        assertEquals("c1 \\u009b2J", VisibleText.escape("c1 \u009b2J"), "the one-byte CSI of C1");
    }

    @Test
    void bidiOverridesAndLineSeparatorsCannotReorderOrSplitWhatIsShown() {
        assertEquals("invoice\\u202efdp.exe", VisibleText.escape("invoice\u202efdp.exe"));
        assertEquals("a\\u2028b\\u2066c\\u2069", VisibleText.escape("a\u2028b\u2066c\u2069"));
    }

    @Test
    void printableTextIncludingNonAsciiIsUnchanged() {
        String s = "Résumé — 語 👩‍💻 C:\\path\\file.md";
        assertSame(s, VisibleText.escape(s));
    }

    @Test
    void multiLineMessagesMayKeepTheirNewlines() {
        assertEquals("two\ndocs\\x1b", VisibleText.escapeKeepingNewlines("two\ndocs\u001b"));
    }
}
