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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

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
        return load(layout, null, Long.MIN_VALUE).index();
    }

    /**
     * The index, plus how many pages were read and parsed. With a {@code prior} cache, a page whose
     * size and mtime match its entry is taken from the cache unread, and the result carries the
     * cache entries for every parsed page (an entry is made only for a regular file, not a
     * symlink, whose mtime is before {@code racyAfterNanos}: a page changed again within the
     * file system's mtime granularity after we read it could otherwise keep a stale entry).
     */
    static CachedLoad load(KbLayout layout, ParseCacheFile.Prior prior, long racyAfterNanos) {
        // The registry read (JSON, one real path per raw file) overlaps the page parsing.
        CompletableFuture<RawState> raw = CompletableFuture.supplyAsync(() -> RawStateLoader.load(layout));
        Path wiki = layout.wikiDir();
        List<Found> files = Files.isDirectory(wiki) ? markdownFiles(wiki) : List.of();
        List<Loaded> loaded = files.parallelStream()
                .filter(f -> PageScope.isWikiPage(layout.relative(f.file())))
                .map(f -> readPage(layout, f, prior, racyAfterNanos))
                .filter(Objects::nonNull)
                .toList();
        String indexText = Files.isRegularFile(layout.indexMd()) ? read(layout.indexMd()) : null;
        List<WikiPage> pages = new ArrayList<>(loaded.size());
        Map<String, CachedPage> entries = new LinkedHashMap<>();
        int parsed = 0;
        for (Loaded l : loaded) {
            pages.add(l.page());
            if (l.entry() != null) {
                entries.put(l.page().relPath(), l.entry());
            }
            parsed += l.parsed() ? 1 : 0;
        }
        return new CachedLoad(WikiIndex.of(pages, indexText, join(raw)), entries, parsed);
    }

    /**
     * @param index   the whole KB's index
     * @param entries the cache entries for the pages now on disk (empty when loaded without a cache)
     * @param parsed  how many pages were read and parsed (the others came from the cache)
     */
    record CachedLoad(WikiIndex index, Map<String, CachedPage> entries, int parsed) {
    }

    /** A walked markdown file; size and mtime are -1 for a symlinked file (its own attributes are the link's). */
    private record Found(Path file, long size, long mtime) {
    }

    private record Loaded(WikiPage page, CachedPage entry, boolean parsed) {
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
    private static List<Found> markdownFiles(Path wiki) {
        List<Found> out = new ArrayList<>();
        try {
            Files.walkFileTree(wiki, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!file.getFileName().toString().endsWith(".md")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        out.add(new Found(file, attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    } else if (attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                        out.add(new Found(file, -1, -1));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, wiki, "cannot list the wiki: " + e.getMessage(), e);
        }
        return out;
    }

    private static Loaded readPage(KbLayout layout, Found f, ParseCacheFile.Prior prior, long racyAfterNanos) {
        String relPath = layout.relative(f.file());
        if (!PageScope.isParsed(PageScope.keyOf(relPath))) {
            return new Loaded(WikiPage.unparsed(relPath), null, false);
        }
        boolean cacheable = prior != null && f.size() >= 0;
        CachedPage cached = cacheable ? prior.entries().get(relPath) : null;
        if (cached != null && cached.matches(f.size(), f.mtime())) {
            return new Loaded(cached.page(), cached, false);
        }
        String text = read(f.file());
        if (text == null) {
            return null;
        }
        WikiPage page = PageParser.parse(relPath, text);
        CachedPage entry = null;
        if (cacheable && f.mtime() < racyAfterNanos) {
            try {
                entry = new CachedPage(f.size(), f.mtime(), page, ParseCacheCodec.encodeEntry(f.size(), f.mtime(), page));
            } catch (ParseCacheCodec.Unencodable e) {
                // a frontmatter value the format does not carry: this page is parsed every time
            }
        }
        return new Loaded(page, entry, true);
    }
}
