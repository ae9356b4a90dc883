package dev.openkb.convert;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * .docx → markdown with POI XWPF: Title and Heading 1-6 paragraph styles (also custom styles based
 * on them) become # to ######, numbered and bulleted paragraphs become nested list items (4 spaces
 * per level), tables become pipe tables, hyperlinks, bold and italic are kept, and embedded
 * pictures are saved as img_NNN.&lt;ext&gt; and inlined where they stand. Stateless; each call
 * renders with its own {@link Render}.
 */
final class DocxConverter implements DocumentConverter {
    private static final int ELEMENTS_PER_CHECK = 64;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        ImageStore images = new ImageStore(r);
        try (XWPFDocument doc = OfficeFiles.openDocx(r.source()); Writer out = StagedFiles.openSourceMd(r)) {
            Render render = new Render(doc, images, new MarkdownBlocks(out));
            int n = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (++n % ELEMENTS_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                render.element(element);
            }
            String title = render.title != null ? render.title : doc.getProperties().getCoreProperties().getTitle();
            return ShortDocs.result(r, title, images.images(), 0);
        }
    }

    /** One document's walk: list counters, picture names and the first heading. */
    private static final class Render {
        private final XWPFDocument doc;
        private final ImageStore images;
        private final MarkdownBlocks out;
        private final Map<BigInteger, ListItems> lists = new HashMap<>();
        private String title;

        Render(XWPFDocument doc, ImageStore images, MarkdownBlocks out) {
            this.doc = doc;
            this.images = images;
            this.out = out;
        }

        void element(IBodyElement element) throws IOException {
            if (element instanceof XWPFParagraph p) {
                paragraph(p);
            } else if (element instanceof XWPFTable t) {
                table(t);
            } else if (element instanceof XWPFSDT sdt) {
                for (String line : sdt.getContent().getText().split("\\R")) {
                    if (!line.isBlank()) {
                        out.block(line.strip());
                    }
                }
            }
        }

        private void paragraph(XWPFParagraph p) throws IOException {
            InlineText text = inline(p);
            if (text.isBlank()) {
                return;
            }
            int level = headingLevel(p);
            if (level > 0) {
                out.heading(level, text.render(" "));
                if (title == null) {
                    title = p.getText();
                }
            } else if (p.getNumID() != null && !"none".equals(p.getNumFmt())) {
                listItem(p, text);
            } else {
                out.block(text.render("\n"));
            }
        }

        private void listItem(XWPFParagraph p, InlineText text) throws IOException {
            int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
            String fmt = p.getNumFmt();
            boolean ordered = fmt != null && !fmt.equals("bullet");
            out.line(lists.computeIfAbsent(p.getNumID(), id -> new ListItems()).line(level, ordered, text));
        }

        private void table(XWPFTable table) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    cells.add(cellText(cell));
                    for (int i = 1; i < gridSpan(cell); i++) {
                        cells.add("");
                    }
                }
                rows.add(cells);
            }
            out.table(rows);
        }

        /** A cell's paragraphs joined by line breaks; a nested table comes through as its text. */
        private String cellText(XWPFTableCell cell) throws IOException {
            List<String> parts = new ArrayList<>();
            for (IBodyElement e : cell.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    InlineText text = inline(p);
                    if (!text.isBlank()) {
                        parts.add(text.render("<br>"));
                    }
                } else if (e instanceof XWPFTable nested) {
                    parts.add(nested.getText().replaceAll("\\s+", " ").strip());
                }
            }
            return String.join("<br>", parts);
        }

        private static int gridSpan(XWPFTableCell cell) {
            var pr = cell.getCTTc().getTcPr();
            if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
                return 1;
            }
            return Math.max(1, Math.min(64, pr.getGridSpan().getVal().intValue()));
        }

        private InlineText inline(XWPFParagraph p) throws IOException {
            InlineText text = new InlineText();
            for (IRunElement element : p.getIRuns()) {
                if (element instanceof XWPFRun run) {
                    String href = run instanceof XWPFHyperlinkRun h ? url(h) : null;
                    text.add(run.text(), run.isBold(), run.isItalic(), href);
                    for (XWPFPicture picture : run.getEmbeddedPictures()) {
                        picture(picture, text);
                    }
                } else if (element instanceof XWPFSDT sdt) {
                    text.add(sdt.getContent().getText(), false, false, null);
                }
            }
            return text;
        }

        private String url(XWPFHyperlinkRun run) {
            XWPFHyperlink link = run.getHyperlink(doc);
            return link == null ? null : link.getURL();
        }

        /** Inlines the picture, saved once however often the document shows it. */
        private void picture(XWPFPicture picture, InlineText text) throws IOException {
            XWPFPictureData data = picture.getPictureData();
            if (data == null) {
                return; // a linked, not embedded, picture: nothing to copy
            }
            String link = images.saveEmbedded(data.getPackagePart().getPartName().getName(), data::getData,
                    data.suggestFileExtension());
            String alt = picture.getDescription();
            text.markdown(ImageStore.markdown(alt == null || alt.isBlank() ? "image" : alt, link));
        }

        /** 1 for Title, N for Heading N (capped at 6), following based-on styles; 0 otherwise. */
        private int headingLevel(XWPFParagraph p) {
            String id = p.getStyleID();
            for (int hop = 0; id != null && hop < 10; hop++) {
                XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
                String name = style != null && style.getName() != null ? style.getName() : id;
                String key = name.toLowerCase(Locale.ROOT).replace(" ", "");
                if (key.equals("title")) {
                    return 1;
                }
                if (key.matches("heading[1-9]")) {
                    return Math.min(6, key.charAt(7) - '0');
                }
                id = style == null ? null : style.getBasisStyleID();
            }
            return 0;
        }
    }
}
