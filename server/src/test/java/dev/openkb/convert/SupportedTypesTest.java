package dev.openkb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SupportedTypesTest {
    @Test
    void acceptsOpenKbsExtensionsWhateverTheirCase() {
        for (String name : new String[] {"a.md", "a.markdown", "a.txt", "a.html", "a.htm", "a.pdf", "a.docx",
                "a.pptx", "a.xlsx", "a.xls", "a.csv", "REPORT.DOCX", "Notes.Md", "x.y.PDF"}) {
            assertTrue(SupportedTypes.isSupported(Path.of(name)), name);
        }
    }

    @Test
    void refusesOtherTypesAndNamesWithoutExtension() {
        for (String name : new String[] {"a.doc", "a.ppt", "a.exe", "a.docx.bak", "README", ".md", "a.md "}) {
            assertFalse(SupportedTypes.isSupported(Path.of(name)), name);
        }
    }

    @Test
    void listsTypesSortedInOpenKbsMessage() {
        assertEquals(".csv, .docx, .htm, .html, .markdown, .md, .pdf, .pptx, .txt, .xls, .xlsx",
                SupportedTypes.sortedList());
        assertEquals("Unsupported file type: .exe. Supported: " + SupportedTypes.sortedList(),
                SupportedTypes.unsupportedMessage(Path.of("setup.exe")));
    }
}
