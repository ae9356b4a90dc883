package dev.openkb.graph;

import dev.openkb.kb.PythonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The graph as one self-contained HTML file: the page's style and script are inline (no remote
 * script, style or font), and the graph's data sits in a {@code <script type="application/json">}
 * block. Titles and descriptions come from the wiki and are untrusted: in the data block every
 * {@code <}, {@code >} and {@code &} is a JSON escape, so no text can close the block, and the
 * script only ever sets them as text. Stateless.
 */
public final class GraphHtml {
    private static final String TEMPLATE = load();

    private GraphHtml() {
    }

    public static String render(WikiGraph graph, String title) {
        return TEMPLATE.replace("{{TITLE}}", escapeHtml(title)).replace("{{DATA}}", data(graph, title));
    }

    /** The data block's JSON, with the characters that could end a script element escaped. */
    static String data(WikiGraph graph, String title) {
        StringBuilder sb = new StringBuilder("{\"title\":");
        PythonJson.string(sb, title);
        sb.append(",\"nodes\":[");
        for (int i = 0; i < graph.nodes().size(); i++) {
            WikiGraph.Node n = graph.nodes().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"id\":");
            PythonJson.string(sb, n.id());
            sb.append(",\"kind\":");
            PythonJson.string(sb, n.kind());
            sb.append(",\"title\":");
            PythonJson.string(sb, n.title() == null ? n.id() : n.title());
            sb.append(",\"description\":");
            if (n.description() == null) {
                sb.append("null");
            } else {
                PythonJson.string(sb, n.description());
            }
            sb.append(",\"backlinks\":").append(n.backlinks()).append('}');
        }
        sb.append("],\"edges\":[");
        for (int i = 0; i < graph.edges().size(); i++) {
            int[] e = graph.edges().get(i);
            sb.append(i == 0 ? "" : ",").append('[').append(e[0]).append(',').append(e[1]).append(']');
        }
        sb.append("]}");
        // Outside strings JSON has none of these, so replacing them everywhere only touches strings.
        return sb.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String load() {
        try (InputStream in = GraphHtml.class.getResourceAsStream("graph.html")) {
            if (in == null) {
                throw new IllegalStateException("graph.html is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
