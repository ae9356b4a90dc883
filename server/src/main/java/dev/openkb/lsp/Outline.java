package dev.openkb.lsp;

import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.Headings;
import dev.openkb.wiki.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/**
 * A page's outline from its current text (the buffer when open): {@code textDocument/documentSymbol}
 * (the front matter as one symbol, then the ATX headings as a tree, each section running to the next
 * heading of the same or a higher level) and {@code textDocument/foldingRange} (front matter,
 * sections, fenced code, runs of list items). Headings inside code fences are not headings, as in
 * {@link Headings}. Pure functions of the text; stateless.
 */
final class Outline {
    private Outline() {
    }

    static List<DocumentSymbol> symbols(String text) {
        TextLines lines = TextLines.of(text);
        List<DocumentSymbol> top = new ArrayList<>();
        Optional<FrontmatterBlock> fm = Frontmatter.split(text);
        fm.ifPresent(b -> {
            Range r = lines(text, lines, 0, b.endLine());
            DocumentSymbol s = new DocumentSymbol("front matter", SymbolKind.Namespace, r, lineRange(text, lines, 0));
            s.setChildren(keys(b));
            top.add(s);
        });
        List<Heading> headings = Headings.parse(text, lines);
        List<DocumentSymbol> stack = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int end = sectionEnd(headings, i, lines);
            String name = h.text().isEmpty() ? "#".repeat(h.level()) : h.text();
            DocumentSymbol s = new DocumentSymbol(name, SymbolKind.String,
                    lines(text, lines, h.line(), end), lineRange(text, lines, h.line()));
            s.setChildren(new ArrayList<>());
            while (!levels.isEmpty() && levels.get(levels.size() - 1) >= h.level()) {
                levels.remove(levels.size() - 1);
                stack.remove(stack.size() - 1);
            }
            if (stack.isEmpty()) {
                top.add(s);
            } else {
                stack.get(stack.size() - 1).getChildren().add(s);
            }
            stack.add(s);
            levels.add(h.level());
        }
        return top;
    }

    static List<FoldingRange> folding(String text) {
        TextLines lines = TextLines.of(text);
        List<FoldingRange> out = new ArrayList<>();
        Frontmatter.split(text).filter(b -> b.endLine() > 0).ifPresent(b -> {
            FoldingRange f = new FoldingRange(0, b.endLine());
            f.setKind(FoldingRangeKind.Imports); // VS Code folds "imports" with its "fold imports" command: a header block
            out.add(f);
        });
        List<Heading> headings = Headings.parse(text, lines);
        for (int i = 0; i < headings.size(); i++) {
            int end = trimBlank(text, lines, headings.get(i).line(), sectionEnd(headings, i, lines));
            if (end > headings.get(i).line()) {
                FoldingRange f = new FoldingRange(headings.get(i).line(), end);
                f.setKind(FoldingRangeKind.Region);
                out.add(f);
            }
        }
        blocks(text, lines, out);
        return out;
    }

    /** Fenced code blocks, and runs of two or more list-item lines (continuation lines indented). */
    private static void blocks(String text, TextLines lines, List<FoldingRange> out) {
        int fenceStart = -1;
        String fence = null;
        int listStart = -1;
        int listEnd = -1;
        for (int line = 0; line < lines.lineCount(); line++) {
            String s = line(text, lines, line);
            String t = s.stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                String marker = t.substring(0, 3);
                if (fence == null) {
                    fence = marker;
                    fenceStart = line;
                } else if (fence.equals(marker)) {
                    if (line > fenceStart) {
                        out.add(new FoldingRange(fenceStart, line));
                    }
                    fence = null;
                }
                continue;
            }
            if (fence != null) {
                continue;
            }
            boolean item = isListItem(t) && s.length() - t.length() < 4;
            boolean continuation = listStart >= 0 && !t.isEmpty() && s.length() > t.length() && !item;
            if (item || continuation) {
                if (listStart < 0) {
                    listStart = line;
                }
                listEnd = line;
            } else {
                addList(out, listStart, listEnd);
                listStart = -1;
            }
        }
        addList(out, listStart, listEnd);
    }

    private static void addList(List<FoldingRange> out, int start, int end) {
        if (start >= 0 && end > start) {
            out.add(new FoldingRange(start, end));
        }
    }

    private static boolean isListItem(String t) {
        if (t.startsWith("- ") || t.startsWith("* ") || t.startsWith("+ ")) {
            return true;
        }
        int i = 0;
        while (i < t.length() && i < 9 && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i > 0 && i + 1 < t.length() && (t.charAt(i) == '.' || t.charAt(i) == ')') && t.charAt(i + 1) == ' ';
    }

    /** The last line of heading {@code i}'s section: before the next heading of the same or a higher level. */
    private static int sectionEnd(List<Heading> headings, int i, TextLines lines) {
        int level = headings.get(i).level();
        for (int j = i + 1; j < headings.size(); j++) {
            if (headings.get(j).level() <= level) {
                return headings.get(j).line() - 1;
            }
        }
        return lines.lineCount() - 1;
    }

    private static int trimBlank(String text, TextLines lines, int start, int end) {
        while (end > start && line(text, lines, end).isBlank()) {
            end--;
        }
        return end;
    }

    private static List<DocumentSymbol> keys(FrontmatterBlock b) {
        List<DocumentSymbol> out = new ArrayList<>();
        String[] yaml = b.yaml().split("\n", -1);
        for (int i = 0; i < yaml.length; i++) {
            int colon = yaml[i].indexOf(':');
            if (colon > 0 && !Character.isWhitespace(yaml[i].charAt(0)) && !yaml[i].startsWith("#")) {
                int line = b.yamlStartLine() + i;
                Range r = new Range(new Position(line, 0), new Position(line, yaml[i].stripTrailing().length()));
                out.add(new DocumentSymbol(yaml[i].substring(0, colon).strip(), SymbolKind.Property, r, r));
            }
        }
        return out;
    }

    private static String line(String text, TextLines lines, int line) {
        int start = lines.lineStart(line);
        return text.substring(start, start + lines.lineLength(text, line));
    }

    private static Range lineRange(String text, TextLines lines, int line) {
        return new Range(new Position(line, 0), new Position(line, lines.lineLength(text, line)));
    }

    private static Range lines(String text, TextLines lines, int from, int to) {
        int end = Math.max(from, to);
        return new Range(new Position(from, 0), new Position(end, lines.lineLength(text, end)));
    }
}
