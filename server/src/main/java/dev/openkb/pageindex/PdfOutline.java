package dev.openkb.pageindex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Reads a PDF's bookmarks into plain {@link OutlineEntry} records with 1-based destination pages.
 * Malformed outlines are common, so this never throws for them: loops are cut, depth and size are
 * capped, and a bookmark whose destination cannot be resolved gets page 0. Stateless.
 */
public final class PdfOutline {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ENTRIES = 20_000;

    private PdfOutline() {
    }

    public static List<OutlineEntry> read(PDDocument doc) {
        PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();
        int n = 0;
        for (PDPage page : doc.getPages()) {
            pageNumbers.put(page.getCOSObject(), ++n);
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return children(outline, doc, pageNumbers, seen, 0);
    }

    private static List<OutlineEntry> children(PDOutlineNode node, PDDocument doc, Map<COSDictionary, Integer> pages,
                                               Set<COSDictionary> seen, int depth) {
        List<OutlineEntry> out = new ArrayList<>();
        if (depth >= MAX_DEPTH) {
            return out;
        }
        PDOutlineItem item = node.getFirstChild();
        while (item != null && seen.size() < MAX_ENTRIES && seen.add(item.getCOSObject())) {
            String title = clean(item.getTitle());
            List<OutlineEntry> kids = children(item, doc, pages, seen, depth + 1);
            if (!title.isEmpty() || !kids.isEmpty()) {
                out.add(new OutlineEntry(title.isEmpty() ? "Untitled section" : title,
                        destinationPage(item, doc, pages), kids));
            }
            item = item.getNextSibling();
        }
        return out;
    }

    private static int destinationPage(PDOutlineItem item, PDDocument doc, Map<COSDictionary, Integer> pages) {
        try {
            PDPage page = item.findDestinationPage(doc);
            return page == null ? 0 : pages.getOrDefault(page.getCOSObject(), 0);
        } catch (IOException | RuntimeException e) {
            // A broken destination (named destination missing, bad array) only loses this bookmark's page.
            return 0;
        }
    }

    private static String clean(String title) {
        if (title == null) {
            return "";
        }
        return title.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
