package dev.openkb.cli;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.PythonJson;
import dev.openkb.service.Catalog;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb list}: OpenKB's document table (name, type, pages) with the registry type and when
 * each was added, then the page counts per kind; {@code --format json} gives the same for tools.
 */
@Command(name = "list", description = "List the documents (name, type, pages, when added) and the page counts per kind.")
final class ListCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Option(names = "--format", defaultValue = "text", description = "text (a table) or json.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog c;
        try (OpenKb engine = kb.engine(err, w -> err.println(w))) {
            c = engine.kb(kb.layout()).catalog(CancelToken.none());
        }
        if (format == Format.json) {
            out.print(json(c));
        } else {
            printTable(out, c);
        }
        out.flush();
        return Main.OK;
    }

    /** JSON through the same writer as hashes.json (no Jackson set up for it); names are data, kept as they are. */
    static String json(Catalog c) {
        List<Object> docs = new ArrayList<>();
        for (Catalog.Document d : c.documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("doc_name", d.docName());
            m.put("type", d.type());
            m.put("doc_type", d.docType());
            m.put("pages", d.pages());
            m.put("added", d.added());
            docs.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("documents", docs);
        root.put("pages", c.pages());
        return PythonJson.dumpIndented(root);
    }

    static void printTable(PrintWriter out, Catalog c) {
        if (c.documents().isEmpty()) {
            out.println("No documents in the knowledge base.");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"Name", "Type", "Doc type", "Pages", "Added"});
            for (Catalog.Document d : c.documents()) {
                rows.add(new String[] {VisibleText.escape(d.name()), VisibleText.escape(String.valueOf(d.type())),
                        VisibleText.escape(String.valueOf(d.docType())), d.pages() == null ? "" : d.pages().toString(),
                        d.added() == null ? "" : VisibleText.escape(d.added())});
            }
            printColumns(out, rows);
            out.println(c.documents().size() + " document(s)");
        }
        out.println();
        StringBuilder pages = new StringBuilder("Pages:");
        c.pages().forEach((kind, n) -> pages.append(' ').append(kind).append(' ').append(n).append(','));
        pages.setLength(pages.length() - 1);
        out.println(pages);
    }

    /** Left-aligned columns two spaces apart, the last one not padded. */
    static void printColumns(PrintWriter out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(r[i]);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
