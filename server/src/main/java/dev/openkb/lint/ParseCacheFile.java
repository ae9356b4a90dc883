package dev.openkb.lint;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the lint parse cache lives ({@code .openkb/cache/lint-parse.bin}) and how it is read and
 * written. The file is derived (deleting it only costs the next lint a full parse) and it is KB
 * content, so: neither {@code .openkb/}, {@code cache/} nor the file is followed if it is a symlink;
 * a file over {@link #MAX_BYTES}, not whole, of another format version, or with an entry for a path
 * that is not a parsed page under {@code wiki/} is ignored and rebuilt. Any problem reading or
 * writing it is swallowed: a lint never fails because of its cache.
 *
 * <p>Writes are atomic (fresh temp, rename) but take no lock of their own: lint runs under the
 * shared lock, so two lints may write at once, and the last rename wins. That is harmless because
 * every complete file is self-consistent and each entry is re-checked against the page's size and
 * mtime on use; the exclusive writers (add, remove, fix) never run during a lint, and they need not
 * touch the cache since a page they change gets a new mtime. Stateless.
 */
final class ParseCacheFile {
    /** Far above a 10,000-page wiki's ~15 MB; a larger file is not read (and is replaced). */
    static final long MAX_BYTES = 256L << 20;

    private ParseCacheFile() {
    }

    /** What was on disk: its usable entries, and whether the file should be rewritten even if no page changed. */
    record Prior(Map<String, CachedPage> entries, boolean stale) {
        static final Prior NONE = new Prior(Map.of(), true);
    }

    static Path path(KbLayout layout) {
        return cacheDir(layout).resolve("lint-parse.bin");
    }

    static Path cacheDir(KbLayout layout) {
        return layout.openkbDir().resolve("cache");
    }

    static Prior read(KbLayout layout) {
        try {
            byte[] bytes = readCacheFile(layout, path(layout), MAX_BYTES);
            if (bytes == null) {
                return Prior.NONE;
            }
            Map<String, CachedPage> all = ParseCacheCodec.decode(bytes);
            Map<String, CachedPage> usable = new LinkedHashMap<>();
            all.forEach((rel, e) -> {
                if (isParsedPagePath(rel)) {
                    usable.put(rel, e);
                }
            });
            return new Prior(usable, usable.size() != all.size());
        } catch (ParseCacheCodec.Corrupt e) {
            return Prior.NONE;
        }
    }

    /**
     * The bytes of {@code file} in {@code .openkb/cache/} when {@code .openkb/}, {@code cache/} and
     * the file are real (no symlink followed) and it is at most {@code maxBytes}; otherwise null.
     * Shared with the lint memo ({@link LintMemo}).
     */
    static byte[] readCacheFile(KbLayout layout, Path file, long maxBytes) {
        try {
            if (!isRealDir(layout.openkbDir()) || !isRealDir(cacheDir(layout))) {
                return null;
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || attrs.size() > maxBytes) {
                return null;
            }
            return readBounded(file, maxBytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the file atomically; false (and nothing changed) when it cannot be written safely. */
    static boolean write(KbLayout layout, AtomicFiles files, byte[] data) {
        return writeCacheFile(layout, files, path(layout), data);
    }

    /** Replaces {@code file} in {@code .openkb/cache/} atomically, as {@link #write}; shared with the lint memo. */
    static boolean writeCacheFile(KbLayout layout, AtomicFiles files, Path file, byte[] data) {
        Path dir = cacheDir(layout);
        try {
            if (!isRealDir(layout.openkbDir())) {
                return false;
            }
            if (Files.isSymbolicLink(dir)) {
                files.ops().delete(dir); // the link itself, never what it points at
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                files.ops().createDirectory(dir);
            }
            if (!isRealDir(dir)) {
                return false;
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // A symlink (or anything else) in its place goes first, as itself: renaming over it
                // would also carry over its mode, and a link's is 0777.
                files.ops().delete(file);
            }
            // Temps a killed lint left behind. A concurrent lint's temp may go too: its rename then
            // fails and it simply does not write, which a cache can afford.
            files.deleteTempsBeside(file);
            // No parent sync: a cache lost to power failure is rebuilt; the rename keeps it whole.
            files.write(file, new ByteArrayInputStream(data), dir, false);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A path only the wiki walk could have produced for a parsed page: no "..", "." or empty segment. */
    static boolean isParsedPagePath(String rel) {
        if (!PageScope.isWikiPage(rel) || rel.contains("\\") || rel.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return PageScope.isParsed(PageScope.keyOf(rel));
    }

    private static boolean isRealDir(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }

    private static byte[] readBounded(Path file, long maxBytes) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new IOException("too large");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read until full or end of file
            }
            if (buf.hasRemaining()) {
                throw new IOException("shrank while read");
            }
            return buf.array();
        }
    }
}
