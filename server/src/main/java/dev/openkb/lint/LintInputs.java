package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fingerprint of everything the structural lint reads, taken from file attributes alone (no
 * file is opened): every page under {@code wiki/} whose text the lint parses (path, size, mtime in
 * ns; {@link PageScope#isParsed}), the paths of every other file there (log.md, reports/, sources/:
 * only their existence counts), every entry of
 * {@code raw/} (name, kind, size, mtime; a symlink's real path and its target's attributes, since
 * the registry lookup goes through the real path), {@code .openkb/hashes.json} (size, mtime), the
 * KB's real root path (registry paths are relative to it) and the program's identity. The lint reads
 * no value of {@code config.yaml}. Two scans with the same digest saw the same inputs unless a file
 * changed without changing size or mtime, which {@link #newestMtimeNanos} lets the caller rule out
 * (git's racy-clean rule).
 *
 * <p>Not memoisable (the lint always runs): a symlink anywhere under {@code wiki/}, a symlinked
 * {@code wiki/}, {@code raw/}, {@code .openkb/} or {@code hashes.json} — a link's own attributes say
 * nothing about what it points at — or any file whose attributes cannot be read. Immutable.
 *
 * @param digest           SHA-256 of the sorted entries; null when not memoisable
 * @param newestMtimeNanos the newest mtime among the inputs (ns since the epoch)
 */
record LintInputs(byte[] digest, long newestMtimeNanos) {
    static final LintInputs NOT_MEMOISABLE = new LintInputs(null, Long.MAX_VALUE);

    boolean memoisable() {
        return digest != null;
    }

    /** Scans the KB's lint inputs now; never throws (an unreadable input makes it not memoisable). */
    static LintInputs scan(KbLayout layout, String programId) {
        try {
            Scan s = new Scan();
            s.add("program\0" + programId);
            s.add("root\0" + layout.root().toRealPath());
            if (isLink(layout.openkbDir()) || isLink(layout.wikiDir()) || isLink(layout.rawDir())) {
                return NOT_MEMOISABLE;
            }
            if (!s.wiki(layout.wikiDir()) || !s.raw(layout.rawDir()) || !s.file("hashes", layout.hashes())) {
                return NOT_MEMOISABLE;
            }
            return new LintInputs(s.digest(), s.newest);
        } catch (IOException | RuntimeException e) {
            return NOT_MEMOISABLE;
        }
    }

    private static boolean isLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    /** Collects one line per input; owned by the scanning thread. */
    private static final class Scan {
        private final List<String> lines = new ArrayList<>();
        private long newest = Long.MIN_VALUE;

        void add(String line) {
            lines.add(line);
        }

        void stat(String prefix, BasicFileAttributes a) {
            long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            newest = Math.max(newest, mtime);
            lines.add(prefix + '\0' + (a.isRegularFile() ? 'f' : a.isDirectory() ? 'd' : 'o') + '\0' + a.size() + '\0' + mtime);
        }

        /** Every file under wiki/, without following links; false when a link or an unreadable entry is met. */
        boolean wiki(Path wiki) throws IOException {
            if (!Files.isDirectory(wiki, LinkOption.NOFOLLOW_LINKS)) {
                add("wiki\0absent");
                return true;
            }
            boolean[] ok = {true};
            Files.walkFileTree(wiki, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        ok[0] = false;
                        return FileVisitResult.TERMINATE;
                    }
                    String rel = "wiki/" + wiki.relativize(file).toString().replace('\\', '/');
                    if (PageScope.isWikiPage(rel) && PageScope.isParsed(PageScope.keyOf(rel))) {
                        stat(rel, attrs);
                    } else {
                        // Only known to exist (log.md, sources/, reports/, sources/*.json): its text is never read.
                        add(rel + '\0' + (attrs.isRegularFile() ? 'f' : attrs.isDirectory() ? 'd' : 'o'));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    ok[0] = false;
                    return FileVisitResult.TERMINATE;
                }
            });
            return ok[0];
        }

        /** The top level of raw/, as the registry lookup sees it. */
        boolean raw(Path raw) throws IOException {
            if (!Files.isDirectory(raw, LinkOption.NOFOLLOW_LINKS)) {
                add("raw\0absent");
                return true;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(raw)) {
                for (Path f : entries) {
                    String name = "raw\0" + f.getFileName();
                    BasicFileAttributes own = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!own.isSymbolicLink()) {
                        stat(name, own);
                        continue;
                    }
                    stat(name + "\0link", own);
                    try {
                        add(name + "\0real\0" + f.toRealPath());
                        stat(name + "\0target", Files.readAttributes(f, BasicFileAttributes.class));
                    } catch (IOException dangling) {
                        add(name + "\0dangling");
                    }
                }
            }
            return true;
        }

        /** One file by its own attributes; false when it is a link (or not readable). */
        boolean file(String label, Path p) throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                add(label + "\0absent");
                return true;
            }
            if (a.isSymbolicLink()) {
                return false;
            }
            stat(label, a);
            return true;
        }

        byte[] digest() {
            lines.sort(null); // the walk's order is the file system's
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String line : lines) {
                    // Length-prefixed: a file name may hold any character, so no separator is safe.
                    byte[] b = line.getBytes(StandardCharsets.UTF_8);
                    md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
                    md.update(b);
                }
                return md.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
