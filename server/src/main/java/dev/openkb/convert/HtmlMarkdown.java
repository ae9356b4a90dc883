package dev.openkb.convert;

import dev.openkb.engine.CancelToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an HTML subtree as markdown in one iterative walk (jsoup's {@link NodeTraversor}), so
 * nesting depth costs heap, never stack: whatever {@code head} opens for an element it pushes as a
 * closer, and {@code tail} pops and runs it. Headings, nested lists, quotes, tables (as GFM pipe
 * tables), links, emphasis, inline code, preformatted code and images are kept; base64 images are
 * decoded into the images folder, local ones copied, remote ones kept as links. One instance per
 * conversion, confined to the converting thread.
 */
final class HtmlMarkdown implements NodeVisitor {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header",
            "footer", "figure", "figcaption", "address", "details", "summary", "dl", "dt", "dd", "center",
            "fieldset", "hgroup", "body", "caption", "legend");
    private static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tfoot", "tr", "colgroup");
    private static final int NODES_PER_CHECK = 8192;

    private final ImageStore images;
    private final Path baseDir;
    private final CancelToken cancel;
    private final Deque<MarkdownSink> sinks = new ArrayDeque<>();
    private final Deque<Closer> closers = new ArrayDeque<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final Deque<TableState> tables = new ArrayDeque<>();
    private final Map<String, Integer> openMarkers = new HashMap<>();
    private StringBuilder pre;
    private int headingDepth;
    private long nodes;

    @FunctionalInterface
    private interface Closer {
        void close() throws IOException;
    }

    private static final class ListState {
        final boolean ordered;
        int next;

        ListState(boolean ordered, int start) {
            this.ordered = ordered;
            this.next = start;
        }
    }

    private static final class TableState {
        final List<List<String>> rows = new ArrayList<>();
        List<String> row;
    }

    HtmlMarkdown(ImageStore images, Path baseDir, CancelToken cancel) {
        this.images = images;
        this.baseDir = baseDir;
        this.cancel = cancel;
        sinks.push(new MarkdownSink());
    }

    /** Renders each root in turn (several top-level articles) and writes the page to {@code out}. */
    void render(List<Element> roots, java.io.Writer out) throws IOException {
        try {
            for (Element root : roots) {
                NodeTraversor.traverse(this, root);
                sink().blockBreak();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sink().writeTo(out);
    }

    @Override
    public void head(Node node, int depth) {
        if (++nodes % NODES_PER_CHECK == 0) {
            cancel.throwIfCancelled();
        }
        if (node instanceof TextNode t) {
            text(t);
        } else if (node instanceof Element el) {
            try {
                closers.push(pre != null ? () -> { } : open(el));
                if (pre != null && el.nameIs("br")) {
                    pre.append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element) {
            try {
                closers.pop().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private MarkdownSink sink() {
        return sinks.peek();
    }

    private void text(TextNode t) {
        if (pre != null) {
            pre.append(t.getWholeText());
            return;
        }
        Element parent = t.parent();
        if (parent != null && TABLE_PARTS.contains(parent.normalName()) && t.isBlank()) {
            return;
        }
        String s = collapse(t.getWholeText());
        sink().text(s);
    }

    /** Starts an element and returns what ends it. */
    private Closer open(Element el) throws IOException {
        String name = el.normalName();
        MarkdownSink sink = sink();
        if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            sink.blockBreak();
            sink.openInline("#".repeat(name.charAt(1) - '0') + " ");
            headingDepth++;
            return () -> {
                sink.closeInline("");
                headingDepth--;
                sink.blockBreak();
            };
        }
        if (BLOCKS.contains(name)) {
            sink.blockBreak();
            return sink::blockBreak;
        }
        switch (name) {
            case "br":
                if (headingDepth > 0) {
                    sink.text(" ");
                } else {
                    sink.lineBreak();
                }
                return () -> { };
            case "hr":
                sink.blockBreak();
                sink.line("---");
                sink.blockBreak();
                return () -> { };
            case "ul":
            case "ol":
                return list(el, sink);
            case "li":
                return listItem(sink);
            case "blockquote":
                sink.blockBreak();
                sink.pushPrefix("> ", "> ", false);
                return () -> {
                    sink.popPrefix();
                    sink.blockBreak();
                };
            case "pre":
                return preformatted(el, sink);
            case "strong":
            case "b":
                return inline(sink, "**");
            case "em":
            case "i":
            case "cite":
            case "dfn":
                return inline(sink, "*");
            case "del":
            case "s":
            case "strike":
                return inline(sink, "~~");
            case "code":
            case "kbd":
            case "samp":
            case "tt":
                return inline(sink, el.text().contains("`") ? "`` " : "`");
            case "a":
                return link(el, sink);
            case "img":
                image(el, sink);
                return () -> { };
            case "table":
                return table(sink);
            case "tr":
                return row();
            case "td":
            case "th":
                return cell(el);
            default:
                return () -> { };
        }
    }

    /** Opens an inline marker unless the same one is already open: {@code <b>a<b>b</b></b>} is "**ab**". */
    private Closer inline(MarkdownSink sink, String marker) {
        if (openMarkers.merge(marker, 1, Integer::sum) > 1) {
            return () -> openMarkers.merge(marker, -1, Integer::sum);
        }
        sink.openInline(marker);
        String close = marker.length() > 1 && marker.endsWith(" ") ? " " + marker.strip() : marker;
        return () -> {
            openMarkers.merge(marker, -1, Integer::sum);
            sink.closeInline(close);
        };
    }

    private Closer list(Element el, MarkdownSink sink) {
        int start = 1;
        try {
            start = Integer.parseInt(el.attr("start").strip());
        } catch (NumberFormatException noStart) {
            // lists count from 1
        }
        lists.push(new ListState(el.nameIs("ol"), start));
        sink.blockBreak();
        return () -> {
            lists.pop();
            sink.blockBreak();
        };
    }

    private Closer listItem(MarkdownSink sink) {
        ListState list = lists.peek();
        String marker = list != null && list.ordered ? list.next++ + ". " : "- ";
        sink.lineBreak();
        sink.pushPrefix(marker, " ".repeat(marker.length()), true);
        return () -> {
            sink.popPrefix();
            sink.lineBreak();
        };
    }

    private Closer preformatted(Element el, MarkdownSink sink) {
        pre = new StringBuilder();
        String lang = "";
        Element code = el.selectFirst("> code");
        for (String cls : (code != null ? code : el).classNames()) {
            if (cls.startsWith("language-") || cls.startsWith("lang-")) {
                lang = cls.substring(cls.indexOf('-') + 1).replaceAll("[^A-Za-z0-9+#_.-]", "");
            }
        }
        String language = lang;
        return () -> {
            String body = pre.toString().replace("\r\n", "\n").replace('\r', '\n');
            pre = null;
            body = body.startsWith("\n") ? body.substring(1) : body;
            body = body.stripTrailing();
            String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
            sink.blockBreak();
            sink.line(fence + language);
            for (String line : body.split("\n", -1)) {
                sink.line(line);
            }
            sink.line(fence);
            sink.blockBreak();
        };
    }

    private Closer link(Element el, MarkdownSink sink) {
        String href = el.attr("href").strip();
        if (href.isEmpty() || href.startsWith("#") || href.regionMatches(true, 0, "javascript:", 0, 11)) {
            return () -> { };
        }
        sink.openInline("[");
        return () -> sink.closeInline("](" + ImageStore.destination(href) + ")");
    }

    private void image(Element el, MarkdownSink sink) throws IOException {
        String src = el.attr("src").strip();
        if (src.isEmpty()) {
            return;
        }
        String alt = el.attr("alt");
        boolean data = src.regionMatches(true, 0, "data:", 0, 5);
        Optional<String> staged = data ? images.saveDataUri(src) : images.copyLocal(baseDir, src);
        if (staged.isPresent()) {
            sink.raw(ImageStore.markdown(alt, staged.get()));
        } else if (!data) {
            sink.raw(ImageStore.markdown(alt, src));
        } else if (!alt.isBlank()) {
            sink.text(collapse(alt));
        }
    }

    private Closer table(MarkdownSink sink) {
        TableState table = new TableState();
        tables.push(table);
        sink.blockBreak();
        return () -> {
            tables.pop();
            if (table.row != null && !table.row.isEmpty()) {
                table.rows.add(table.row);
            }
            sink.blockBreak();
            if (sinks.size() > 1) {
                flatten(sink, table.rows);
            } else {
                PipeTable.write(sink, table.rows);
            }
            sink.blockBreak();
        };
    }

    /**
     * A table inside a table cell, as lines of "cell; cell": GFM cells hold no tables, and nesting
     * pipe tables would escape each level's pipes again.
     */
    private static void flatten(MarkdownSink sink, List<List<String>> rows) {
        for (List<String> row : rows) {
            sink.line(String.join("; ", row.stream().filter(c -> !c.isBlank()).toList()));
        }
    }

    private Closer row() {
        TableState table = tables.peek();
        if (table == null) {
            return () -> { };
        }
        table.row = new ArrayList<>();
        return () -> {
            if (table.row != null && !table.row.isEmpty()) {
                table.rows.add(table.row);
            }
            table.row = null;
        };
    }

    private Closer cell(Element el) {
        TableState table = tables.peek();
        if (table == null) {
            return () -> { };
        }
        if (table.row == null) {
            table.row = new ArrayList<>();
        }
        List<String> row = table.row;
        MarkdownSink cell = new MarkdownSink(true);
        sinks.push(cell);
        return () -> {
            sinks.pop();
            row.add(cell.toString().strip());
            int span = parseSpan(el.attr("colspan"));
            for (int i = 1; i < span; i++) {
                row.add("");
            }
        };
    }

    private static int parseSpan(String attr) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(attr.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** HTML whitespace rules: any run of spaces, tabs, newlines (and no-break spaces) is one space. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }
}
