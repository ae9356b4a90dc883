package dev.openkb.convert;

import dev.openkb.convert.PdfFixture.Mark;
import java.io.IOException;
import java.nio.file.Path;

/** The 25-page test books, built on demand with {@link PdfFixture}. */
public final class TestBooks {
    private TestBooks() {
    }

    /** 25 pages, two parts of two chapters each, with nested bookmarks and Title metadata. */
    public static Path withOutline(Path file) throws IOException {
        return withOutline(file, "A Book With Bookmarks");
    }

    public static Path withOutline(Path file, String title) throws IOException {
        String[][] chapters = {
            {"1", "Chapter one introduces the first idea of the book.", "It sets the scene for what follows."},
            {"6", "Chapter two explains the second idea in detail.", "It builds on the first chapter."},
            {"11", "Chapter three turns to practice and examples.", "Each example is short."},
            {"18", "Chapter four closes the book with open questions.", "Some have no answer yet."},
        };
        try (PdfFixture f = new PdfFixture()) {
            int chapter = 0;
            for (int page = 1; page <= 25; page++) {
                PdfFixture.Page p = f.page();
                if (chapter < chapters.length && Integer.parseInt(chapters[chapter][0]) == page) {
                    p.bold("Chapter " + (chapter + 1), 16).paragraph(chapters[chapter][1], chapters[chapter][2]);
                    chapter++;
                }
                p.paragraph("Ordinary body text on page " + page + " of the book.", "More words fill the page.");
            }
            f.title(title).outline(
                    new Mark("Part One", 1, new Mark("Chapter 1", 1), new Mark("Chapter 2", 6)),
                    new Mark("Part Two", 11, new Mark("Chapter 3", 11), new Mark("Chapter 4", 18)));
            return f.save(file);
        }
    }

    /**
     * 25 pages without bookmarks: a 24 pt title page, numbered 18 pt sections and 14 pt subsections
     * over 11 pt body text, and a 14 pt running header on every page that must not become a heading.
     */
    public static Path withHeadings(Path file) throws IOException {
        try (PdfFixture f = new PdfFixture()) {
            for (int page = 1; page <= 25; page++) {
                PdfFixture.Page p = f.page().line("ACME Corporation", 14);
                switch (page) {
                    case 1 -> p.line("Annual Results", 24).paragraph("This report covers the year in review.",
                            "It was written for the board.");
                    case 2 -> p.line("1 Introduction", 18)
                            .paragraph("The introduction describes why this report exists.",
                                    "Readers learn the goals here.")
                            .line("1.1 Background", 14)
                            .paragraph("Background covers the history of the project.", "It started many years ago.");
                    case 6 -> p.line("1.2 Scope", 14).paragraph("The scope is limited to one year of data.");
                    case 10 -> p.line("2 Methods", 18).paragraph("We measured everything twice to be sure.");
                    case 18 -> p.line("3 Findings", 18).paragraph("The findings are mostly good news for all.");
                    default -> p.paragraph("Body text on page " + page + " keeps the report going on.",
                            "Another line of ordinary text.");
                }
            }
            return f.save(file);
        }
    }
}
