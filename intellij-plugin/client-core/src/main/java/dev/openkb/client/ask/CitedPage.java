package dev.openkb.client.ask;

import dev.openkb.client.protocol.Results.PassageRange;
import dev.openkb.client.protocol.Results.QuerySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file and position a cited page opens at. The page path comes from the server, which read it from the KB,
 * and a KB may come from anywhere: the file must be a regular file inside the KB's {@code wiki/} once every
 * symlink is followed, or nothing opens. Stateless (it reads the file system).
 *
 * @param file   the page's real path
 * @param line   zero-based line of the cited passage (0 without a range)
 * @param column zero-based UTF-16 column (0: passages are whole lines)
 */
public record CitedPage(Path file, int line, int column) {
    public static Optional<CitedPage> of(Path kbRoot, QuerySource source) {
        String page = source.page();
        if (page == null || page.isEmpty() || page.length() > 1024 || page.startsWith("/") || page.contains("\\")
                || page.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        for (String segment : page.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        List<String> names = page.startsWith("sources/") ? List.of(page + ".md", page + ".json") : List.of(page + ".md");
        Path wiki = kbRoot.resolve("wiki");
        for (String name : names) {
            Optional<Path> file = insideWiki(wiki, wiki.resolve(name));
            if (file.isPresent()) {
                return Optional.of(new CitedPage(file.get(), line(file.get(), source.range()), 0));
            }
        }
        return Optional.empty();
    }

    /** The cited line: a Markdown passage's first line, or where a PDF page starts in a per-page JSON. */
    private static int line(Path file, PassageRange range) {
        if (range == null) {
            return 0;
        }
        if (range.pdfPage() > 0 && file.getFileName().toString().endsWith(".json")) {
            try {
                List<String> lines = Files.readAllLines(file);
                Pattern page = Pattern.compile("\"page\"\\s*:\\s*" + range.pdfPage() + "\\s*[,}]");
                for (int i = 0; i < lines.size(); i++) {
                    if (page.matcher(lines.get(i)).find()) {
                        return i;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0; // unreadable or not text: the top of the page will do
            }
            return 0;
        }
        return Math.max(0, range.startLine());
    }

    private static Optional<Path> insideWiki(Path wiki, Path candidate) {
        try {
            Path root = wiki.toRealPath();
            Path real = candidate.toRealPath();
            return real.startsWith(root) && !real.equals(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no such page (removed since the answer) or unreadable: nothing to open
        }
    }
}
