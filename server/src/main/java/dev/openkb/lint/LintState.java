package dev.openkb.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The complete set of findings of one lint, kept per file in a persistent map so an incremental
 * update shares every untouched file's list and costs what changed. Files without findings have no
 * entry. Immutable and thread-safe.
 */
public final class LintState {
    private static final Comparator<LintFinding> BY_PATH = Comparator.comparing(LintFinding::path)
            .thenComparing(FileLint.ORDER);

    private final PersistentMap<String, List<LintFinding>> byFile;
    private final int[] counts;

    private LintState(PersistentMap<String, List<LintFinding>> byFile, int[] counts) {
        this.byFile = byFile;
        this.counts = counts;
    }

    static LintState of(Map<String, List<LintFinding>> findings) {
        Map<String, List<LintFinding>> nonEmpty = new java.util.HashMap<>();
        int[] counts = new int[LintCodes.ALL.size()];
        findings.forEach((path, list) -> {
            if (!list.isEmpty()) {
                nonEmpty.put(path, list);
                count(counts, list, 1);
            }
        });
        return new LintState(PersistentMap.of(nonEmpty), counts);
    }

    /** This state with {@code path}'s findings replaced. */
    LintState with(String path, List<LintFinding> findings) {
        List<LintFinding> old = byFile.get(path);
        int[] c = Arrays.copyOf(counts, counts.length);
        if (old != null) {
            count(c, old, -1);
        }
        count(c, findings, 1);
        return new LintState(findings.isEmpty() ? byFile.remove(path) : byFile.put(path, findings), c);
    }

    private static void count(int[] counts, List<LintFinding> list, int sign) {
        for (LintFinding f : list) {
            counts[LintCodes.ALL.indexOf(f.code())] += sign;
        }
    }

    /** The findings on one file (KB-relative path), in range order; empty when none. */
    public List<LintFinding> findings(String path) {
        List<LintFinding> l = byFile.get(path);
        return l == null ? List.of() : l;
    }

    /** The files that have findings, sorted. */
    public Set<String> files() {
        Set<String> out = new TreeSet<>();
        byFile.forEach((path, list) -> out.add(path));
        return out;
    }

    /** Every finding, sorted by path then range. */
    public List<LintFinding> all() {
        List<LintFinding> out = new ArrayList<>(total());
        byFile.forEach((path, list) -> out.addAll(list));
        out.sort(BY_PATH);
        return out;
    }

    /** Finding count per code, every code present, in {@link LintCodes#ALL} order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            out.put(LintCodes.ALL.get(i), counts[i]);
        }
        return out;
    }

    public int total() {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    public boolean isClean() {
        return total() == 0;
    }

    /** The CLI exit code: 0 when clean, 1 when there are findings. */
    public int exitCode() {
        return isClean() ? 0 : 1;
    }
}
