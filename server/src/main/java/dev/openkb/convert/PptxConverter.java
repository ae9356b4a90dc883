package dev.openkb.convert;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFHyperlink;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/**
 * .pptx → markdown with POI XSLF: one "## Slide N: title" section per slide, its shapes in reading
 * order (top to bottom, then left to right, groups opened), bulleted and numbered paragraphs as
 * nested lists, tables as pipe tables, pictures saved as img_NNN.&lt;ext&gt;, and the speaker
 * notes under "### Notes". Slide numbers, dates and footers are left out. Stateless; each call
 * renders with its own {@link Render}.
 */
final class PptxConverter implements DocumentConverter {
    private static final Set<Placeholder> SKIPPED = EnumSet.of(Placeholder.TITLE, Placeholder.CENTERED_TITLE,
            Placeholder.SLIDE_NUMBER, Placeholder.DATETIME, Placeholder.FOOTER, Placeholder.HEADER,
            Placeholder.SLIDE_IMAGE);

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        ImageStore images = new ImageStore(r);
        try (XMLSlideShow ppt = OfficeFiles.openPptx(r.source()); Writer out = StagedFiles.openSourceMd(r)) {
            Render render = new Render(images, new MarkdownBlocks(out));
            String firstTitle = null;
            int n = 0;
            for (XSLFSlide slide : ppt.getSlides()) {
                r.cancel().throwIfCancelled();
                String title = slide.getTitle();
                boolean titled = title != null && !title.isBlank();
                render.out.heading(2, "Slide " + ++n + (titled ? ": " + title : ""));
                if (firstTitle == null && titled) {
                    firstTitle = title;
                }
                for (XSLFShape shape : readingOrder(slide.getShapes())) {
                    render.shape(shape);
                }
                render.notes(slide.getNotes());
            }
            String title = firstTitle != null ? firstTitle : ppt.getProperties().getCoreProperties().getTitle();
            return ShortDocs.result(r, title, images.images(), n);
        }
    }

    /** Shapes top to bottom, then left to right, with groups replaced by their members in place. */
    private static List<XSLFShape> readingOrder(List<XSLFShape> shapes) {
        List<XSLFShape> ordered = new ArrayList<>();
        Deque<XSLFShape> todo = new ArrayDeque<>();
        pushSorted(todo, shapes);
        while (!todo.isEmpty()) {
            XSLFShape s = todo.pop();
            if (s instanceof XSLFGroupShape g) {
                pushSorted(todo, g.getShapes());
            } else {
                ordered.add(s);
            }
        }
        return ordered;
    }

    private static void pushSorted(Deque<XSLFShape> todo, List<XSLFShape> shapes) {
        List<XSLFShape> sorted = new ArrayList<>(shapes);
        sorted.sort(Comparator.comparingDouble((XSLFShape s) -> anchor(s, true))
                .thenComparingDouble(s -> anchor(s, false)));
        for (int i = sorted.size() - 1; i >= 0; i--) {
            todo.push(sorted.get(i));
        }
    }

    private static double anchor(XSLFShape s, boolean top) {
        Rectangle2D a = s.getAnchor();
        return a == null ? Double.NEGATIVE_INFINITY : top ? a.getY() : a.getX();
    }

    /** One presentation's rendering state: where it writes and which pictures it saved. */
    private static final class Render {
        private final ImageStore images;
        private final MarkdownBlocks out;

        Render(ImageStore images, MarkdownBlocks out) {
            this.images = images;
            this.out = out;
        }

        void shape(XSLFShape shape) throws IOException {
            if (shape instanceof XSLFTable table) {
                table(table);
            } else if (shape instanceof XSLFPictureShape picture) {
                picture(picture);
            } else if (shape instanceof XSLFTextShape text && !SKIPPED.contains(text.getPlaceholder())) {
                paragraphs(text.getTextParagraphs());
            }
        }

        void notes(XSLFNotes notes) throws IOException {
            if (notes == null) {
                return;
            }
            boolean headed = false;
            for (XSLFShape shape : notes.getShapes()) {
                if (shape instanceof XSLFTextShape text && text.getPlaceholder() == Placeholder.BODY
                        && !text.getText().isBlank()) {
                    if (!headed) {
                        out.heading(3, "Notes");
                        headed = true;
                    }
                    paragraphs(text.getTextParagraphs());
                }
            }
        }

        private void paragraphs(List<XSLFTextParagraph> paragraphs) throws IOException {
            ListItems list = new ListItems();
            for (XSLFTextParagraph p : paragraphs) {
                InlineText text = inline(p);
                if (text.isBlank()) {
                    continue;
                }
                if (p.isBullet()) {
                    out.line(list.line(p.getIndentLevel(), p.getAutoNumberingScheme() != null, text));
                } else {
                    list = new ListItems();
                    out.block(text.render("\n"));
                }
            }
            out.endBlock();
        }

        private static InlineText inline(XSLFTextParagraph p) {
            InlineText text = new InlineText();
            for (XSLFTextRun run : p.getTextRuns()) {
                XSLFHyperlink link = run.getHyperlink();
                text.add(run.getRawText(), run.isBold(), run.isItalic(), link == null ? null : link.getAddress());
            }
            return text;
        }

        private void table(XSLFTable table) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            for (XSLFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XSLFTableCell cell : row.getCells()) {
                    List<String> lines = new ArrayList<>();
                    for (XSLFTextParagraph p : cell.getTextParagraphs()) {
                        InlineText text = inline(p);
                        if (!text.isBlank()) {
                            lines.add(text.render("<br>"));
                        }
                    }
                    cells.add(String.join("<br>", lines));
                }
                rows.add(cells);
            }
            out.table(rows);
        }

        private void picture(XSLFPictureShape picture) throws IOException {
            XSLFPictureData data = picture.getPictureData();
            if (data == null) {
                return; // linked, not embedded
            }
            String link = images.saveEmbedded(data.getPackagePart().getPartName().getName(), data::getData,
                    data.suggestFileExtension());
            out.block(ImageStore.markdown(altText(picture), link));
        }

        private static String altText(XSLFPictureShape picture) {
            if (picture.getXmlObject() instanceof CTPicture ct && ct.getNvPicPr() != null
                    && ct.getNvPicPr().getCNvPr() != null) {
                String descr = ct.getNvPicPr().getCNvPr().getDescr();
                if (descr != null && !descr.isBlank()) {
                    return descr;
                }
            }
            return "image";
        }
    }
}
