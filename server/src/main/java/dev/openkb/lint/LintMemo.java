package dev.openkb.lint;

import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The CLI's whole-KB lint, memoised: the findings of the last lint are kept in
 * {@code .openkb/cache/lint-result.bin} with the fingerprint of every input ({@link LintInputs}), so a
 * lint of an unchanged KB stats its files, matches the fingerprint and returns the stored findings
 * without decoding the parse cache, building the index or linting.
 *
 * <p>Racy-clean rule (as git's): the memo is used only when every input's mtime is older than the
 * time its inputs were scanned by more than {@link ParseCache#RACY_WINDOW_NANOS}; a file written
 * within the file system's mtime granularity of that scan could have changed without changing its
 * size or mtime. Such a memo is replaced by the next lint, which then scans later.
 *
 * <p>Like the parse cache, the file is derived (safe to delete), untrusted (checked by
 * {@link LintMemoCodec}; anything wrong means a normal lint), read and written without following
 * links, and written without a lock of its own under the lint's shared lock: the last complete file
 * wins, and each is self-consistent. Stateless.
 */
public final class LintMemo {
    /** The memo's largest accepted size; a lint's findings are a few hundred bytes each. */
    static final long MAX_BYTES = 64L << 20;

    /**
     * This program's identity: its version and, when it runs from a jar, the jar's size and mtime,
     * so a rebuilt or upgraded program (whose lint may differ) never uses an older memo.
     */
    public static final String PROGRAM = programId();

    private LintMemo() {
    }

    /**
     * A lint's findings and where they came from.
     *
     * @param state    the findings
     * @param fromMemo true when they are the stored findings of an earlier lint of the same inputs
     */
    public record Result(LintState state, boolean fromMemo) {
    }

    static Path path(KbLayout layout) {
        return ParseCacheFile.cacheDir(layout).resolve("lint-result.bin");
    }

    /**
     * The KB's structural lint: the memo's findings when the inputs are unchanged since it was
     * written, else {@code lint}'s (and the memo is rewritten). {@code now} is the current time, taken
     * before the inputs are looked at; the caller holds the KB's shared lock.
     */
    public static Result lint(KbLayout layout, AtomicFiles files, Instant now, String programId, Supplier<LintState> lint) {
        long stamp = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        LintInputs inputs = LintInputs.scan(layout, programId);
        if (inputs.memoisable()) {
            LintMemoCodec.Memo memo = read(layout);
            if (memo != null && memo.programId().equals(programId) && Arrays.equals(memo.digest(), inputs.digest())
                    && inputs.newestMtimeNanos() < memo.stampNanos() - ParseCache.RACY_WINDOW_NANOS) {
                return new Result(state(memo.findings()), true);
            }
        }
        LintState state = lint.get();
        if (inputs.memoisable()) {
            byte[] data = LintMemoCodec.encode(new LintMemoCodec.Memo(programId, inputs.digest(), stamp, state.all()));
            ParseCacheFile.writeCacheFile(layout, files, path(layout), data);
        }
        return new Result(state, false);
    }

    /**
     * The lint wrote its own report ({@code report}, under {@code wiki/reports/}) after its findings
     * were memoised: re-key the memo to include that file, so the next lint of an otherwise
     * unchanged KB reuses the findings instead of always running in full. Sound because a report's
     * text is never read and its existence changes no finding (reports are never orphans nor need an
     * index entry) unless a page links to it, which the findings would show as a broken link naming
     * it: then the memo is left alone. Anything else that changed since the memo was written makes
     * the next scan differ from the re-keyed digest, so it still re-lints. Called under the report's
     * transaction's lock or after it; never throws.
     */
    public static void reportWritten(KbLayout layout, AtomicFiles files, String programId, Path report) {
        try {
            LintMemoCodec.Memo memo = read(layout);
            if (memo == null || !memo.programId().equals(programId) || !report.startsWith(layout.wikiDir())) {
                return;
            }
            String stem = report.getFileName().toString().replaceFirst("\\.md$", "");
            for (LintFinding f : memo.findings()) {
                if (f.message().contains(stem) || f.data().values().stream().anyMatch(v -> v != null && v.contains(stem))) {
                    return;
                }
            }
            String rel = "wiki/".concat(layout.wikiDir().relativize(report).toString().replace('\\', '/'));
            byte[] digest = LintInputs.withExistingFile(memo.digest(), rel);
            byte[] data = LintMemoCodec.encode(new LintMemoCodec.Memo(programId, digest, memo.stampNanos(), memo.findings()));
            ParseCacheFile.writeCacheFile(layout, files, path(layout), data);
        } catch (RuntimeException e) {
            // Derived state: without the re-key the next lint just runs in full.
        }
    }

    private static LintMemoCodec.Memo read(KbLayout layout) {
        byte[] bytes = ParseCacheFile.readCacheFile(layout, path(layout), MAX_BYTES);
        if (bytes == null) {
            return null;
        }
        try {
            return LintMemoCodec.decode(bytes);
        } catch (LintMemoCodec.Corrupt e) {
            return null;
        }
    }

    private static LintState state(List<LintFinding> findings) {
        Map<String, List<LintFinding>> byPath = new HashMap<>();
        for (LintFinding f : findings) {
            byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        byPath.replaceAll((k, v) -> List.copyOf(v));
        return LintState.of(byPath);
    }

    private static String programId() {
        String id = "openkb " + LintMemoCodec.FORMAT_VERSION + " " + ParseCacheCodec.FORMAT_VERSION;
        try {
            CodeSource source = LintMemo.class.getProtectionDomain().getCodeSource();
            Path code = source == null ? null : Path.of(source.getLocation().toURI());
            if (code != null && Files.isRegularFile(code)) {
                BasicFileAttributes a = Files.readAttributes(code, BasicFileAttributes.class);
                return id + " jar " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            }
            return id + " classes " + code;
        } catch (Exception e) {
            return id;
        }
    }
}
