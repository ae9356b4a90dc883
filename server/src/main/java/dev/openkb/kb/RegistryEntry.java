package dev.openkb.kb;

import java.nio.file.Path;
import java.util.Map;

/**
 * One document of {@code hashes.json}: its SHA-256 key and OpenKB's metadata fields (reference 1.1),
 * which may be of any generation (legacy entries lack {@code doc_name} or {@code path}). Immutable.
 */
public record RegistryEntry(String hash, Map<String, Object> meta) {
    public RegistryEntry {
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
    }

    public String name() { return str("name"); }
    public String type() { return str("type"); }
    public String path() { return str("path"); }
    public String rawPath() { return str("raw_path"); }
    public String sourcePath() { return str("source_path"); }
    public String docId() { return str("doc_id"); }

    /** The wiki name: {@code doc_name}, or for legacy entries the stem of {@code name}. */
    public String docName() {
        String d = str("doc_name");
        if (d != null && !d.isEmpty()) {
            return d;
        }
        String n = name();
        return n == null ? null : stem(n);
    }

    /** Long documents are indexed per page ({@code long_pdf}) or imported from PageIndex Cloud. */
    public boolean isLongDoc() {
        return "long_pdf".equals(type()) || "pageindex_cloud".equals(type());
    }

    /** OpenKB's display type: pageindex for long docs, short for the known short types, else raw. */
    public String displayType() {
        String t = type();
        if (isLongDoc()) {
            return "pageindex";
        }
        if (t != null && java.util.Set.of("pdf", "docx", "md", "markdown", "html", "htm", "txt", "csv", "pptx", "xlsx", "xls")
                .contains(t.toLowerCase(java.util.Locale.ROOT))) {
            return "short";
        }
        return t;
    }

    private String str(String k) {
        Object v = meta.get(k);
        return v == null ? null : v.toString();
    }

    static String stem(String name) {
        String base = Path.of(name).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? base : base.substring(0, dot);
    }
}
