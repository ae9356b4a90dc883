package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.png;
import static dev.openkb.convert.ConvertFixtures.save;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.sl.usermodel.AutoNumberingScheme;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PptxConverterTest {
    @TempDir
    Path dir;

    private static XSLFSlide titledSlide(XMLSlideShow ppt, String title) {
        XSLFSlide slide = ppt.createSlide(ppt.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT));
        slide.getPlaceholder(0).setText(title);
        slide.getPlaceholder(1).clearText();
        return slide;
    }

    private static XSLFTextRun item(XSLFTextShape body, int level, String text) {
        XSLFTextParagraph p = body.addNewTextParagraph();
        p.setIndentLevel(level);
        XSLFTextRun run = p.addNewTextRun();
        run.setText(text);
        return run;
    }

    @Test
    void writesOneSectionPerSlideWithListsLinksAndNotes() throws Exception {
        XMLSlideShow ppt = new XMLSlideShow();
        XSLFSlide slide = titledSlide(ppt, "Roadmap");
        XSLFTextShape body = slide.getPlaceholder(1);
        item(body, 0, "Goals");
        item(body, 1, "Faster builds").setBold(true);
        item(body, 1, "Docs").createHyperlink().setAddress("https://example.com/docs");
        for (String step : new String[] {"Plan", "Ship"}) {
            XSLFTextRun run = item(body, 0, step);
            run.getParagraph().setBulletAutoNumber(AutoNumberingScheme.arabicPeriod, 1);
        }
        XSLFNotes notes = ppt.getNotesSlide(slide);
        for (XSLFTextShape shape : notes.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.BODY) {
                shape.setText("Mention the *budget*.");
            }
        }
        ConvertedDoc doc = convert(save(ppt, dir.resolve("deck.pptx")));
        assertEquals("## Slide 1: Roadmap\n\n- Goals\n    - **Faster builds**\n    - [Docs](https://example.com/docs)\n"
                + "1. Plan\n2. Ship\n\n### Notes\n\nMention the *budget*.\n", markdown(doc));
        assertEquals("Roadmap", doc.title());
        assertEquals(1, doc.pageCount());
    }

    @Test
    void writesTablesPicturesAndTextBoxesInReadingOrder() throws Exception {
        XMLSlideShow ppt = new XMLSlideShow();
        XSLFSlide slide = ppt.createSlide();
        XSLFTextBox caption = slide.createTextBox();
        caption.setText("Caption below");
        caption.setAnchor(new Rectangle(50, 400, 300, 40));
        byte[] pic = png(6, 0x336699);
        XSLFPictureShape picture = slide.createPicture(ppt.addPicture(pic, PictureData.PictureType.PNG));
        picture.setAnchor(new Rectangle(50, 250, 60, 60));
        XSLFTable table = slide.createTable();
        table.setAnchor(new Rectangle(50, 50, 300, 100));
        String[][] cells = {{"Metric", "Value"}, {"p|q", "42"}};
        for (String[] r : cells) {
            XSLFTableRow row = table.addRow();
            for (String c : r) {
                row.addCell().setText(c);
            }
        }
        ConvertedDoc doc = convert(save(ppt, dir.resolve("chart.pptx")));
        assertEquals("## Slide 1\n\n| Metric | Value |\n| --- | --- |\n| p\\|q | 42 |\n\n"
                + "![image](sources/images/chart/img_001.png)\n\nCaption below\n", markdown(doc));
        assertEquals(List.of(dir.resolve("staging/wiki/sources/images/chart/img_001.png")), doc.images());
        assertArrayEquals(pic, Files.readAllBytes(doc.images().get(0)));
        assertEquals("chart", doc.title());
    }

    @Test
    void numbersSlidesAndKeepsUnicode() throws Exception {
        XMLSlideShow ppt = new XMLSlideShow();
        titledSlide(ppt, "开场");
        XSLFSlide second = titledSlide(ppt, "שלום 😀");
        item(second.getPlaceholder(1), 0, "مرحبا");
        ConvertedDoc doc = convert(save(ppt, dir.resolve("intl.PPTX")));
        assertEquals("## Slide 1: 开场\n\n## Slide 2: שלום 😀\n\n- مرحبا\n", markdown(doc));
        assertEquals(2, doc.pageCount());
        assertEquals("PPTX", doc.registryType());
    }
}
