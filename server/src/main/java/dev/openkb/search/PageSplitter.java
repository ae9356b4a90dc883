package dev.openkb.search;

import dev.openkb.pageindex.PagesJsonReader;
import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.FrontmatterException;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.Headings;
import dev.openkb.wiki.TextLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one indexed file into index rows. A wiki page (summary, concept, entity, exploration) is one
 * row with its title, description, headings and body as separate fields, so BM25 can weigh a title
 * match above a body match. A document's full text is cut into passages a reader can take in at a
 * glance — at headings, and at paragraph breaks once a passage passes {@link #TARGET_CHARS} — because
 * a whole book as one row would match every question and quote none of it; a long document's
 * per-page JSON gives one row per PDF page. Stateless.
 */
final class PageSplitter {
    /** A passage is closed at the next blank line once it is this long. */
    static final int TARGET_CHARS = 1200;
    /** A passage with no blank line in sight is closed here anyway. */
    static final int MAX_CHARS = 4000;
    /** A section shorter than this is joined to the next one rather than made a passage of its own (a lone heading). */
    static final int MIN_CHARS = 300;

    private PageSplitter() {
    }

    /** Rows of a Markdown page; {@code file} is relative to {@code wiki/} ("sources/x.md"). */
    static List<Passage> markdown(String file, String text) {
        String page = IndexedFiles.pageOf(file);
        String stem = page.substring(page.indexOf('/') + 1);
        Map<String, Object> fields = Map.of();
        int bodyStart = 0;
        Optional<FrontmatterBlock> block = Frontmatter.split(text);
        if (block.isPresent()) {
            bodyStart = block.get().endLine() + 1;
            try {
                fields = block.get().parse();
            } catch (FrontmatterException e) {
                fields = Map.of(); // a broken front matter is lint's business; the text is still searchable
            }
        }
        TextLines lines = TextLines.of(text);
        List<Heading> headings = Headings.parse(text, lines);
        String title = title(fields, headings, stem);
        if (IndexedFiles.isSource(file)) {
            return passages(page, file, title, text, lines, headings, bodyStart);
        }
        String description = fields.get("description") instanceof String d ? d : "";
        StringBuilder hs = new StringBuilder();
        for (Heading h : headings) {
            hs.append(h.text()).append('\n');
        }
        String body = block.map(FrontmatterBlock::body).orElse(text);
        return List.of(new Passage(page, file, title, description, hs.toString(), body,
                PassageRange.lines(bodyStart, trimBlank(text, lines, bodyStart, lines.lineCount()))));
    }

    /** One row per PDF page of a long document's {@code sources/<doc>.json}. */
    static List<Passage> pagesJson(String file, byte[] json) throws IOException {
        String page = IndexedFiles.pageOf(file);
        String title = page.substring(page.indexOf('/') + 1);
        List<Passage> out = new ArrayList<>();
        PagesJsonReader.read(json, file, p -> out.add(new Passage(page, file, title, "", "", p.content(),
                PassageRange.pdfPage(p.page()))));
        return out;
    }

    private static List<Passage> passages(String page, String file, String title, String text, TextLines lines,
                                          List<Heading> headings, int bodyStart) {
        List<Passage> out = new ArrayList<>();
        String[] path = new String[7];
        int h = 0;
        while (h < headings.size() && headings.get(h).line() < bodyStart) {
            h++;
        }
        int start = bodyStart;
        int chars = 0;
        for (int line = bodyStart; line < lines.lineCount(); line++) {
            boolean heading = h < headings.size() && headings.get(h).line() == line;
            int len = lines.lineLength(text, line);
            boolean blank = text.substring(lines.lineStart(line), lines.lineStart(line) + len).isBlank();
            if ((heading && chars >= MIN_CHARS) || (blank && chars >= TARGET_CHARS) || chars >= MAX_CHARS) {
                add(out, page, file, title, text, lines, path, start, line);
                start = line;
                chars = 0;
            }
            if (heading) {
                Heading hd = headings.get(h++);
                int level = Math.min(Math.max(hd.level(), 1), 6);
                path[level] = hd.text();
                for (int l = level + 1; l < path.length; l++) {
                    path[l] = null;
                }
            }
            chars += len + 1;
        }
        add(out, page, file, title, text, lines, path, start, lines.lineCount());
        return out;
    }

    private static void add(List<Passage> out, String page, String file, String title, String text, TextLines lines,
                            String[] path, int from, int to) {
        to = trimBlank(text, lines, from, to);
        if (to <= from) {
            return;
        }
        int end = to < lines.lineCount() ? lines.lineStart(to) : text.length();
        String body = text.substring(lines.lineStart(from), end);
        if (body.isBlank()) {
            return;
        }
        StringBuilder hs = new StringBuilder();
        for (String s : path) {
            if (s != null) {
                hs.append(s).append('\n');
            }
        }
        out.add(new Passage(page, file, title, "", hs.toString(), body, PassageRange.lines(from, to)));
    }

    /** {@code to} moved back over trailing blank lines, so a range ends at its last line of text. */
    private static int trimBlank(String text, TextLines lines, int from, int to) {
        while (to > from && text.substring(lines.lineStart(to - 1), lines.lineStart(to - 1) + lines.lineLength(text, to - 1)).isBlank()) {
            to--;
        }
        return to;
    }

    private static String title(Map<String, Object> fields, List<Heading> headings, String stem) {
        if (fields.get("title") instanceof String t && !t.isBlank()) {
            return t.strip();
        }
        for (Heading h : headings) {
            if (h.level() == 1 && !h.text().isEmpty()) {
                return h.text();
            }
        }
        return stem;
    }
}
