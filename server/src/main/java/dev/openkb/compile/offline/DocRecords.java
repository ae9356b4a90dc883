package dev.openkb.compile.offline;

import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.FrontmatterException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the {@link DocRecord}s of the other documents: only the frontmatter of each summary page (the
 * file is read up to its closing delimiter), newest document first by registry order, documents the
 * registry does not know last by name. Summaries without a record (written by the LLM compiler or
 * OpenKB) contribute nothing. Stateless.
 */
final class DocRecords {
    private static final int MAX_HEAD_LINES = 400;

    private DocRecords() {
    }

    static List<DocRecord> load(KbLayout layout, String currentDoc, Consumer<String> warnings) throws IOException {
        List<DocRecord> out = new ArrayList<>();
        if (!Files.isDirectory(layout.summariesDir())) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(layout.summariesDir(), "*.md")) {
            for (Path p : ds) {
                String doc = p.getFileName().toString();
                doc = doc.substring(0, doc.length() - 3);
                if (!doc.equals(currentDoc)) {
                    read(p, doc, warnings).ifPresent(out::add);
                }
            }
        }
        Map<String, Integer> age = registryOrder(layout);
        out.sort((a, b) -> {
            int ia = age.getOrDefault(a.docName(), -1);
            int ib = age.getOrDefault(b.docName(), -1);
            return ia != ib ? Integer.compare(ib, ia) : a.docName().compareTo(b.docName());
        });
        return out;
    }

    private static Optional<DocRecord> read(Path p, String doc, Consumer<String> warnings) throws IOException {
        Optional<FrontmatterBlock> block = Frontmatter.split(head(p));
        if (block.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Object> fm = block.get().parse();
            List<String> phrases = strings(fm.get(DocRecord.KEYPHRASES));
            List<String> once = strings(fm.get(DocRecord.PHRASES_ONCE));
            List<String> names = strings(fm.get(DocRecord.NAMES));
            return phrases.isEmpty() && once.isEmpty() && names.isEmpty() ? Optional.empty()
                    : Optional.of(new DocRecord(doc, phrases, once, names));
        } catch (FrontmatterException e) {
            warnings.accept("summaries/" + doc + ".md: frontmatter is not valid YAML (" + e.getMessage()
                    + "); its key phrases are ignored");
            return Optional.empty();
        }
    }

    /** The page up to and including its closing {@code ---} line (or a bounded number of lines). */
    private static String head(Path p) throws IOException {
        StringBuilder b = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && n < MAX_HEAD_LINES) {
                b.append(line).append('\n');
                if (n > 0 && line.startsWith("---") || n == 0 && !line.startsWith("---")) {
                    break;
                }
                n++;
            }
        }
        return b.toString();
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    private static Map<String, Integer> registryOrder(KbLayout layout) {
        Map<String, Integer> age = new HashMap<>();
        try {
            List<RegistryEntry> entries = Registry.load(layout).entries();
            for (int i = 0; i < entries.size(); i++) {
                age.put(entries.get(i).docName(), i);
            }
        } catch (RuntimeException e) {
            // An unreadable registry only costs the newest-first order; names still sort.
        }
        return age;
    }
}
