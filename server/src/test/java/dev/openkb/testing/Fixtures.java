package dev.openkb.testing;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small builders for test KBs. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A fresh KB (OpenKB layout, offline model) in {@code dir}. */
    public static KbLayout kb(Path dir) throws IOException {
        return new KbInit(new AtomicFiles(new RealFileOps())).init(dir, "offline", "en");
    }

    public static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    public static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    public static AtomicFiles files(FileOps ops) {
        return new AtomicFiles(ops);
    }

    /** Copies a tree with modes and times, for running the same scenario on identical KBs. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** Deletes a tree (deepest first) with plain file calls; absent is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A concept page as the compiler writes it: frontmatter sources and a Related Documents list for {@code docs}. */
    public static String conceptPage(String description, String... docs) {
        StringBuilder sources = new StringBuilder();
        StringBuilder related = new StringBuilder();
        for (String d : docs) {
            sources.append(sources.length() == 0 ? "" : ", ").append("\"summaries/").append(d).append(".md\"");
            related.append("- [[summaries/").append(d).append("]]\n");
        }
        return "---\ntype: \"Concept\"\nsources: [" + sources + "]\ndescription: \"" + description + "\"\n---\n\nBody.\n\n"
                + "## Related Documents\n\n" + related;
    }

    /** Registers a short document in {@code hashes.json} with the fields an add writes (raw/NAME, sources/DOC.md). */
    public static void register(dev.openkb.kb.KbLayout kb, String hash, String doc, String name) throws IOException {
        java.util.Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("name", name);
        meta.put("doc_name", doc);
        meta.put("type", name.substring(name.indexOf('.') + 1));
        meta.put("path", "/inputs/" + name);
        meta.put("raw_path", "raw/" + name);
        meta.put("source_path", "wiki/sources/" + doc + ".md");
        dev.openkb.kb.Registry r = dev.openkb.kb.Registry.load(kb).with(hash, meta);
        Files.writeString(kb.hashes(), r.toJson(), StandardCharsets.UTF_8);
    }
}
