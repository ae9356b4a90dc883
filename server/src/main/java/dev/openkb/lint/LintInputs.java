package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
 * @param digest           the inputs' digest ({@link Scan}); null when not memoisable
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
            s.entry('P', programId, ' ', 0, 0);
            s.entry('K', layout.root().toRealPath().toString(), ' ', 0, 0);
            if (isLink(layout.openkbDir()) || isLink(layout.wikiDir()) || isLink(layout.rawDir())) {
                return NOT_MEMOISABLE;
            }
            if (!s.wiki(layout.wikiDir()) || !s.raw(layout.rawDir()) || !s.hashes(layout.hashes())) {
                return NOT_MEMOISABLE;
            }
            return new LintInputs(s.digest(), s.newest);
        } catch (IOException | RuntimeException e) {
            return NOT_MEMOISABLE;
        }
    }

    /**
     * {@code digest} with one more file that is only known to exist ({@code rel}, a path under
     * {@code wiki/} such as a lint report): the digest a scan would give once that file is there and
     * nothing else changed, since the digest is a count and two order-free sums.
     */
    static byte[] withExistingFile(byte[] digest, String rel) {
        ByteBuffer b = ByteBuffer.wrap(digest);
        Scan s = new Scan();
        s.count = b.getLong();
        s.sum1 = b.getLong();
        s.sum2 = b.getLong();
        s.entry('e', rel, 'f', 0, 0);
        return s.digest();
    }

    private static boolean isLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    private static char kind(BasicFileAttributes a) {
        return a.isRegularFile() ? 'f' : a.isDirectory() ? 'd' : a.isSymbolicLink() ? 'l' : 'o';
    }

    /**
     * Folds every input into a 192-bit digest: the count of inputs and two sums of 64-bit hashes,
     * one per input (FNV-1a over its chars with two different bases, then MurmurHash3's finaliser).
     * A sum does not depend on the walk's order, so nothing is collected or sorted, and no string is
     * built per file. Not cryptographic, and it need not be: a KB's author can write any memo anyway
     * (see {@link LintMemoCodec}); an accidental collision of both sums is out of reach. Owned by the
     * scanning thread.
     */
    private static final class Scan {
        private long sum1;
        private long sum2;
        private long count;
        private long newest = Long.MIN_VALUE;

        void entry(char tag, String name, char kind, long size, long mtime) {
            long h1 = 0xcbf29ce484222325L;
            long h2 = 0x84222325cbf29ce4L;
            h1 = (h1 ^ tag) * 0x100000001b3L;
            h2 = (h2 ^ tag) * 0x100000001b3L;
            for (int i = 0, n = name.length(); i < n; i++) {
                char c = name.charAt(i);
                h1 = (h1 ^ c) * 0x100000001b3L;
                h2 = (h2 ^ c) * 0x100000001b3L;
            }
            h1 = fmix(h1 ^ name.length() ^ ((long) kind << 32));
            h2 = fmix(h2 + name.length() + kind);
            h1 = fmix(h1 ^ size) + fmix(h1 ^ mtime);
            h2 = fmix(h2 + fmix(size) * 31 + fmix(mtime ^ 0x9e3779b97f4a7c15L));
            sum1 += fmix(h1);
            sum2 += h2;
            count++;
        }

        void stat(char tag, String name, BasicFileAttributes a) {
            long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            newest = Math.max(newest, mtime);
            entry(tag, name, kind(a), a.size(), mtime);
        }

        /** Every file under wiki/, without following links; false when a link or an unreadable entry is met. */
        boolean wiki(Path wiki) throws IOException {
            if (!Files.isDirectory(wiki, LinkOption.NOFOLLOW_LINKS)) {
                entry('W', "", ' ', 0, 0);
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
                    String rel = "wiki/".concat(wiki.relativize(file).toString().replace('\\', '/'));
                    if (PageScope.isWikiPage(rel) && PageScope.isParsed(PageScope.keyOf(rel))) {
                        stat('p', rel, attrs);
                    } else {
                        // Only known to exist (log.md, sources/, reports/, sources/*.json): its text is never read.
                        entry('e', rel, kind(attrs), 0, 0);
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
                entry('A', "", ' ', 0, 0);
                return true;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(raw)) {
                for (Path f : entries) {
                    String name = f.getFileName().toString();
                    BasicFileAttributes own = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    stat('r', name, own);
                    if (own.isSymbolicLink()) {
                        try {
                            entry('R', name.concat("\0").concat(f.toRealPath().toString()), ' ', 0, 0);
                            stat('T', name, Files.readAttributes(f, BasicFileAttributes.class));
                        } catch (IOException dangling) {
                            entry('D', name, ' ', 0, 0);
                        }
                    }
                }
            }
            return true;
        }

        /** hashes.json by its own attributes; false when it is a link. */
        boolean hashes(Path p) throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                entry('H', "", ' ', 0, 0);
                return true;
            }
            if (a.isSymbolicLink()) {
                return false;
            }
            stat('h', "", a);
            return true;
        }

        byte[] digest() {
            return ByteBuffer.allocate(LintMemoCodec.DIGEST_BYTES).putLong(count).putLong(sum1).putLong(sum2).array();
        }

        /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
        private static long fmix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }
}
