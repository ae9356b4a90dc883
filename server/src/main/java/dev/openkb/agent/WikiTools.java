package dev.openkb.agent;

import dev.openkb.io.KbPathGuard;
import dev.openkb.pageindex.PagesJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The tools of OpenKB's agents, with OpenKB's names, argument names and answers ({@code read_file},
 * {@code list_files}, {@code get_page_content}, {@code get_image}), plus our {@code search}. Every
 * path goes through {@link WikiFiles}, so none reaches outside {@code wiki/}. Stateless apart from
 * the {@link WikiFiles} they share.
 */
final class WikiTools {
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final int SEARCH_LIMIT = 10;
    private static final Map<String, String> IMAGE_TYPES = Map.of(".png", "image/png", ".jpg", "image/jpeg",
            ".jpeg", "image/jpeg", ".gif", "image/gif", ".webp", "image/webp", ".bmp", "image/bmp");

    private WikiTools() {
    }

    private static Tool tool(String name, String description, List<ToolSpec.Param> params, Function<Map<String, String>, ToolOutput> body) {
        ToolSpec spec = new ToolSpec(name, description, params);
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return spec;
            }

            @Override
            public ToolOutput call(Map<String, String> args) {
                return body.apply(args);
            }
        };
    }

    static Tool readFile(WikiFiles files) {
        return tool("read_file", "Read a Markdown file from the wiki.",
                List.of(new ToolSpec.Param("path", "File path relative to wiki root (e.g. 'summaries/paper.md').")),
                a -> ToolOutput.text(files.readText(a.get("path"))));
    }

    static Tool listFiles(WikiFiles files) {
        return tool("list_files", "List all Markdown files in a wiki subdirectory.",
                List.of(new ToolSpec.Param("directory", "Subdirectory path relative to wiki root (e.g. 'summaries').")),
                a -> ToolOutput.text(files.listMarkdown(a.get("directory"))));
    }

    static Tool pageContent(WikiFiles files) {
        return tool("get_page_content", "Get text content of specific pages from a long document. Use this when you need"
                        + " detailed content from a document. The summary page shows document tree structure with page ranges.",
                List.of(new ToolSpec.Param("doc_name", "Document name (e.g. 'attention-is-all-you-need')."),
                        new ToolSpec.Param("pages", "Page specification (e.g. '3-5,7,10-12').")),
                a -> ToolOutput.text(pages(files, a.get("doc_name").strip(), a.get("pages"))));
    }

    static Tool image(WikiFiles files) {
        return tool("get_image", "View an image from the wiki (figures of a document are listed on its pages as [Images: ...]).",
                List.of(new ToolSpec.Param("path", "Image path relative to wiki root (e.g. 'sources/images/doc/p1_img1.png').")),
                a -> image(files, a.get("path")));
    }

    static Tool search(WikiSearch search) {
        return tool("search", "Search the wiki's pages by words; returns the best matching pages with a snippet each."
                        + " Read a page with read_file for its full text.",
                List.of(new ToolSpec.Param("query", "Words to search for.")),
                a -> ToolOutput.text(searchText(search, a.get("query"))));
    }

    private static String pages(WikiFiles files, String doc, String spec) {
        if (!KbPathGuard.isPlainName(doc)) {
            return WikiFiles.DENIED;
        }
        String rel = "sources/" + doc + ".json";
        Optional<Path> p = files.resolve(rel, false);
        if (p.isEmpty()) {
            return WikiFiles.DENIED;
        }
        if (!Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            return "File not found: " + rel;
        }
        Set<Integer> wanted = PageSpec.parse(spec);
        List<String> blocks = new ArrayList<>();
        try {
            PagesJsonReader.read(p.get(), page -> {
                if (wanted.contains(page.page())) {
                    String block = "[Page " + page.page() + "]\n" + page.content();
                    if (!page.images().isEmpty()) {
                        block += "\n[Images: " + String.join(", ", page.images()) + "]";
                    }
                    blocks.add(block);
                }
            });
        } catch (IOException e) {
            return "Cannot read " + rel + ": " + e.getMessage();
        }
        if (blocks.isEmpty()) {
            return "No content found for pages " + spec + " in " + doc + ".";
        }
        files.noteRead(p.get());
        return String.join("\n\n", blocks) + "\n\n";
    }

    private static ToolOutput image(WikiFiles files, String rel) {
        Optional<Path> p = files.resolve(rel, false);
        if (p.isEmpty()) {
            return ToolOutput.text(WikiFiles.DENIED);
        }
        if (!Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            return ToolOutput.text("Image not found: " + rel);
        }
        String name = p.get().getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String mime = dot < 0 ? null : IMAGE_TYPES.get(name.substring(dot));
        if (mime == null) {
            return ToolOutput.text("Not an image: " + rel + " (png, jpg, gif, webp or bmp)");
        }
        try {
            if (Files.size(p.get()) > MAX_IMAGE_BYTES) {
                return ToolOutput.text("Image too large: " + rel + " (over " + MAX_IMAGE_BYTES / (1024 * 1024) + " MiB)");
            }
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(p.get()));
            files.noteRead(p.get());
            return ToolOutput.image("Image " + rel, mime, data);
        } catch (IOException e) {
            return ToolOutput.text("Cannot read " + rel + ": " + e.getMessage());
        }
    }

    private static String searchText(WikiSearch search, String query) {
        if (query.isBlank()) {
            return "Provide a non-empty search query.";
        }
        List<SearchHit> hits = search.search(query, SEARCH_LIMIT);
        if (hits.isEmpty()) {
            return "No matches for " + query + ".";
        }
        StringBuilder b = new StringBuilder();
        for (SearchHit h : hits) {
            b.append(h.path());
            if (!h.title().isBlank()) {
                b.append(" — ").append(h.title());
            }
            b.append('\n');
            if (!h.snippet().isBlank()) {
                b.append("  ").append(h.snippet().replaceAll("\\s+", " ").strip()).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }
}
