package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.listItem;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.png;
import static dev.openkb.convert.ConvertFixtures.save;
import static dev.openkb.convert.ConvertFixtures.wordList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

class DocxConverterTest {
    @TempDir
    Path dir;

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
        return p;
    }

    private static void style(XWPFStyles styles, String id, String name, String basedOn) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        if (basedOn != null) {
            ct.addNewBasedOn().setVal(basedOn);
        }
        styles.addStyle(new XWPFStyle(ct));
    }

    @Test
    void turnsTitleAndHeadingStylesIntoMarkdownHeadings() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFStyles styles = doc.createStyles();
        style(styles, "Kop1", "heading 1", null);          // a Dutch Word's id for Heading 1
        style(styles, "Chapter", "Chapter", "Kop1");         // a custom style based on it
        paragraph(doc, "Title", "The Report");
        paragraph(doc, "Kop1", "Introduction");
        paragraph(doc, "Heading2", "Background");
        paragraph(doc, "Heading6", "Detail");
        paragraph(doc, "Heading9", "Deepest");
        paragraph(doc, "Chapter", "Appendix");
        paragraph(doc, null, "Plain text.");
        ConvertedDoc converted = convert(save(doc, dir.resolve("report.docx")));
        assertEquals("# The Report\n\n# Introduction\n\n## Background\n\n###### Detail\n\n###### Deepest\n\n"
                + "# Appendix\n\nPlain text.\n", markdown(converted));
        assertEquals("The Report", converted.title());
        assertEquals("docx", converted.registryType());
    }

    @Test
    void writesBulletedAndNumberedListsWithNesting() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        BigInteger bullets = wordList(doc, "bullet");
        BigInteger numbers = wordList(doc, "decimal");
        paragraph(doc, null, "Shopping:");
        listItem(paragraph(doc, null, "Fruit"), bullets, 0);
        listItem(paragraph(doc, null, "Apple"), bullets, 1);
        listItem(paragraph(doc, null, "Pear"), bullets, 1);
        listItem(paragraph(doc, null, "Bread"), bullets, 0);
        paragraph(doc, null, "Steps:");
        listItem(paragraph(doc, null, "Mix"), numbers, 0);
        listItem(paragraph(doc, null, "Stir"), numbers, 1);
        listItem(paragraph(doc, null, "Bake"), numbers, 0);
        listItem(paragraph(doc, null, "Cool"), numbers, 1);
        assertEquals("Shopping:\n\n- Fruit\n    - Apple\n    - Pear\n- Bread\n\nSteps:\n\n"
                + "1. Mix\n    1. Stir\n2. Bake\n    1. Cool\n", markdown(convert(save(doc, dir.resolve("lists.docx")))));
    }

    @Test
    void writesTablesWithEscapedPipesAndMergedCells() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFTable table = doc.createTable(3, 2);
        table.getRow(0).getCell(0).setText("Name");
        table.getRow(0).getCell(1).setText("Rule");
        table.getRow(1).getCell(0).setText("or");
        table.getRow(1).getCell(1).setText("a | b");
        table.getRow(2).getCell(0).setText("merged");
        table.getRow(2).getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
        table.getRow(2).removeCell(1);
        table.getRow(2).getCell(0).addParagraph().createRun().setText("second line");
        assertEquals("| Name | Rule |\n| --- | --- |\n| or | a \\| b |\n| merged<br>second line | |\n",
                markdown(convert(save(doc, dir.resolve("table.docx")))));
    }

    @Test
    void keepsHyperlinksBoldAndItalic() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText("Read ");
        XWPFHyperlinkRun link = p.createHyperlinkRun("https://example.com/spec");
        link.setText("the spec");
        XWPFRun bold = p.createRun();
        bold.setText(" now ");
        bold.setBold(true);
        XWPFRun split = p.createRun();       // Word often splits one word over several runs
        split.setText("please");
        split.setBold(true);
        XWPFRun italic = p.createRun();
        italic.setText(" or later");
        italic.setItalic(true);
        assertEquals("Read [the spec](https://example.com/spec) **now please** *or later*\n",
                markdown(convert(save(doc, dir.resolve("links.docx")))));
    }

    @Test
    void savesEmbeddedPicturesOnceAndInlinesThem() throws Exception {
        byte[] pic = png(8, 0xAA5500);
        XWPFDocument doc = new XWPFDocument();
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText("Figure: ");
        p.createRun().addPicture(new ByteArrayInputStream(pic), PictureType.PNG, "fig.png",
                Units.toEMU(8), Units.toEMU(8));
        ConvertedDoc converted = convert(save(doc, dir.resolve("pics.docx")));
        assertEquals("Figure: ![fig.png](sources/images/pics/img_001.png)\n", markdown(converted));
        Path staged = dir.resolve("staging/wiki/sources/images/pics/img_001.png");
        assertEquals(List.of(staged), converted.images());
        assertArrayEquals(pic, Files.readAllBytes(staged));
    }

    @Test
    void keepsCjkEmojiAndRightToLeftText() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        paragraph(doc, "Heading1", "技术报告（最终版）");
        paragraph(doc, null, "😀 👩‍💻 שלום עולם مرحبا");
        ConvertedDoc converted = convert(save(doc, dir.resolve("unicode.docx")));
        assertEquals("# 技术报告（最终版）\n\n😀 👩‍💻 שלום עולם مرحبا\n", markdown(converted));
        assertEquals("技术报告（最终版）", converted.title());
    }

    @Test
    void takesTheTitlePropertyWhenThereIsNoHeading() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.getProperties().getCoreProperties().setTitle("Board minutes");
        paragraph(doc, null, "Present: all.");
        assertEquals("Board minutes", convert(save(doc, dir.resolve("minutes.docx"))).title());
        XWPFDocument bare = new XWPFDocument();
        paragraph(bare, null, "Text");
        assertEquals("untitled-notes", convert(save(bare, dir.resolve("untitled-notes.docx"))).title());
    }
}
