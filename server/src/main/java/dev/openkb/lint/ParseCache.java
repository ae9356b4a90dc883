package dev.openkb.lint;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Builds the lint index reusing the persisted parse cache ({@link ParseCacheFile}): pages whose
 * wiki-relative path, size and mtime match an entry are not read, and the cache is rewritten only
 * when a page was parsed or an entry went away. Used by the CLI's whole-KB lint, which otherwise
 * starts cold every time; the language server keeps its index in memory instead. Stateless.
 */
public final class ParseCache {
    /**
     * A page modified less than this before the lint started is parsed but not cached: within a
     * coarse mtime tick a later same-size edit would leave the file's key unchanged.
     */
    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private ParseCache() {
    }

    /** The whole KB's index, as {@link WikiIndex#build} gives it, reading only pages the cache does not hold. */
    public static WikiIndex build(KbLayout layout, AtomicFiles files, Instant now) {
        return load(layout, files, now).index();
    }

    /** As {@link #build}, with how many pages were read and parsed. */
    static WikiIndexLoader.CachedLoad load(KbLayout layout, AtomicFiles files, Instant now) {
        ParseCacheFile.Prior prior = ParseCacheFile.read(layout);
        long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        WikiIndexLoader.CachedLoad load = WikiIndexLoader.load(layout, prior, nowNanos - RACY_WINDOW_NANOS);
        // Reused entries are a subset of the prior ones: same count and nothing parsed means the same file.
        if (prior.stale() || load.parsed() > 0 || load.entries().size() != prior.entries().size()) {
            ParseCacheFile.write(layout, files, ParseCacheCodec.encode(load.entries()));
        }
        return load;
    }
}
