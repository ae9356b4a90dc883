package dev.openkb.lint;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds a {@link WikiIndex} from disk: every regular {@code *.md} file under {@code wiki/} (the
 * walk does not follow symlinked folders, like Python's {@code rglob}), reading and parsing only
 * pages in lint scope, on the common fork-join pool (pages are independent), while raw/ and the
 * registry load alongside. Text is decoded as
 * UTF-8 with malformed bytes replaced: lint only reads, and one bad byte must not hide a KB's other
 * findings. A page deleted while we walk is skipped. Stateless.
 */
public final class WikiIndexLoader {
    private WikiIndexLoader() {
    }

    /** @throws KbException IO_ERROR when a folder or page cannot be read, CORRUPT_STATE for a bad hashes.json */
    public static WikiIndex load(KbLayout layout) {
        // The registry read (JSON, one real path per raw file) overlaps the page parsing.
        CompletableFuture<RawState> raw = CompletableFuture.supplyAsync(() -> RawStateLoader.load(layout));
        Path wiki = layout.wikiDir();
        List<Path> files = Files.isDirectory(wiki) ? markdownFiles(wiki) : List.of();
        List<WikiPage> pages = files.parallelStream()
                .filter(p -> PageScope.isWikiPage(layout.relative(p)))
                .map(p -> readPage(layout, p))
                .filter(Objects::nonNull)
                .toList();
        String indexText = Files.isRegularFile(layout.indexMd()) ? read(layout.indexMd()) : null;
        return WikiIndex.of(pages, indexText, join(raw));
    }

    private static RawState join(CompletableFuture<RawState> raw) {
        try {
            return raw.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KbException k) {
                throw k;
            }
            throw e;
        }
    }

    /** Reads one page's current text (for a single-page refresh); null when the file is gone. */
    public static String read(Path page) {
        try {
            return new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, page, "cannot read the page: " + e.getMessage(), e);
        }
    }

    /** Regular *.md files (symlinks to files included); attributes come with the walk, no stat per file. */
    private static List<Path> markdownFiles(Path wiki) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(wiki, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().endsWith(".md")
                            && (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file)))) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, wiki, "cannot list the wiki: " + e.getMessage(), e);
        }
        return out;
    }

    private static WikiPage readPage(KbLayout layout, Path file) {
        String relPath = layout.relative(file);
        if (!PageScope.isParsed(PageScope.keyOf(relPath))) {
            return WikiPage.unparsed(relPath);
        }
        String text = read(file);
        return text == null ? null : PageParser.parse(relPath, text);
    }
}
