package dev.openkb.service;

import dev.openkb.engine.VisibleText;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a {@link Catalog} from a KB on disk: the registry, the page folders and the ingest entries
 * of log.md. The caller holds the shared lock. Stateless.
 *
 * <p>Everything read is KB content, so untrusted: a page folder that is a symlink is not counted
 * (it would count files outside the KB), log.md is read as a stream with malformed bytes replaced,
 * and a registry {@code pages} value that is not a non-negative integer is shown as none.
 */
public final class CatalogReader {
    /** The page kinds {@code list} counts, in the order it prints them. */
    public static final List<String> PAGE_KINDS = List.of("summaries", "concepts", "entities", "explorations", "reports");

    private CatalogReader() {
    }

    public static Catalog read(KbLayout layout) {
        Map<String, String> added = ingestTimes(layout.logMd());
        List<Catalog.Document> docs = new ArrayList<>();
        for (RegistryEntry e : Registry.load(layout).entries()) {
            String name = e.name() == null ? "" : e.name();
            docs.add(new Catalog.Document(name, e.docName(), e.type(), e.displayType(), pages(e.meta().get("pages")),
                    added.get(VisibleText.escape(name))));
        }
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String kind : PAGE_KINDS) {
            pages.put(kind, countPages(layout.wikiDir().resolve(kind)));
        }
        return new Catalog(docs, pages);
    }

    /** Markdown files under {@code dir}, not following symlinks (a linked folder is not the KB's). */
    static int countPages(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".md")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * The time of each file name's latest {@code ingest} entry. Entries are
     * {@code ## [YYYY-MM-DD HH:MM:SS] ingest | <name>} with the name as {@link VisibleText#escape} wrote it.
     */
    static Map<String, String> ingestTimes(Path logMd) {
        Map<String, String> times = new HashMap<>();
        if (!Files.isRegularFile(logMd, LinkOption.NOFOLLOW_LINKS)) {
            return times;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(logMd), decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                // "## [" + 19-character timestamp + "] ingest | "
                if (line.length() > 34 && line.startsWith("## [") && line.startsWith("] ingest | ", 23)) {
                    times.put(line.substring(34), line.substring(4, 23));
                }
            }
        } catch (IOException e) {
            // The log is informative only: without it, no document shows when it was added.
        }
        return times;
    }

    private static Integer pages(Object v) {
        if (v instanceof Number n && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE && n.doubleValue() == n.longValue()) {
            return n.intValue();
        }
        return null;
    }
}
