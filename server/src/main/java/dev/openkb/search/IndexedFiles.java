package dev.openkb.search;

import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which files the search index holds, and their names. Indexed: the {@code *.md} pages directly in
 * {@code wiki/summaries}, {@code concepts}, {@code entities}, {@code explorations} and {@code sources},
 * and a long document's {@code sources/<doc>.json}. Not indexed: {@code index.md}, {@code log.md},
 * {@code AGENTS.md} (catalogues and schema, which would match every question) and lint reports.
 * A file is named relative to {@code wiki/} ({@code sources/x.json}); its page is the link target
 * ({@code sources/x}). Only regular files are read: a symlink, or a folder reached through one, is
 * passed over, never followed, since a KB is untrusted. Stateless.
 */
final class IndexedFiles {
    static final List<String> DIRS = List.of("summaries", "concepts", "entities", "explorations", "sources");

    /** A file found on disk, with the attributes reconciliation compares. */
    record Found(String file, Path path, String fileKey, long size, long mtimeNanos) {
    }

    private IndexedFiles() {
    }

    static boolean isIndexed(String file) {
        int slash = file.indexOf('/');
        if (slash <= 0 || file.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        String dir = file.substring(0, slash);
        String name = file.substring(slash + 1);
        if (!DIRS.contains(dir) || name.startsWith(".")) {
            return false;
        }
        return (name.endsWith(".md") && name.length() > 3) || (dir.equals("sources") && name.endsWith(".json") && name.length() > 5);
    }

    static boolean isSource(String file) {
        return file.startsWith("sources/");
    }

    static String pageOf(String file) {
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot);
    }

    /** The indexed file {@code p} names, if {@code p} (absolute) is one. */
    static Optional<String> fileOf(KbLayout layout, Path p) {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(layout.wikiDir())) {
            return Optional.empty();
        }
        String rel = layout.wikiDir().relativize(n).toString().replace('\\', '/');
        return isIndexed(rel) ? Optional.of(rel) : Optional.empty();
    }

    /** Every indexed file on disk now. */
    static List<Found> list(KbLayout layout) throws IOException {
        KbPathGuard guard = new KbPathGuard(layout.root());
        List<Found> out = new ArrayList<>();
        for (String dir : DIRS) {
            Path d = layout.wikiDir().resolve(dir);
            if (!guard.isRealDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                    String file = dir + "/" + p.getFileName();
                    if (isIndexed(file)) {
                        stat(file, p).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    /** The file's attributes if it is a regular file (not a symlink), else empty. */
    static Optional<Found> stat(String file, Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Found(file, p, String.valueOf(a.fileKey()), a.size(),
                    a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A cheap fingerprint of the indexed folders: their modification times. Every engine write
     * replaces a page by rename, which changes its folder's time, so an unchanged stamp means no
     * page was written by the engine since (an editor saving a page in place is not seen here).
     */
    static String folderStamp(KbLayout layout) {
        StringBuilder sb = new StringBuilder();
        for (String dir : DIRS) {
            try {
                BasicFileAttributes a = Files.readAttributes(layout.wikiDir().resolve(dir), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                sb.append(a.fileKey()).append(':').append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
            } catch (IOException e) {
                sb.append('-');
            }
            sb.append(';');
        }
        return sb.toString();
    }
}
