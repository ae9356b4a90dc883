package dev.openkb.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the missing-wiki-entry check needs from outside wiki pages: the raw files with their
 * document names (resolved through the registry) and the stems of {@code wiki/sources/*.json}
 * (long documents have no sources/*.md). A state read from disk ({@link RawStateLoader}) also keeps
 * what lets a commit's touched paths update it without reading raw/ again: the registry's
 * path-to-document map and each raw file's registry path. Immutable and thread-safe.
 */
public final class RawState {
    public static final RawState EMPTY = new RawState(List.of(), Set.of());

    private final List<RawFile> files;
    private final Set<String> sourceJsonStems;
    private final Map<String, List<RawFile>> byDocName;
    private final Map<String, RawFile> byName;
    /** Null unless read from disk; then what {@link RawStateLoader#update} starts from. */
    private final DiskFacts disk;

    /**
     * The loader's facts. {@code registry}: registry path to document name (null when there is no
     * hashes.json); {@code registryPaths}: raw file name to its registry path; {@code direct}: every
     * raw file's registry path is {@code raw/<name>} (no symbolic link), so one raw file's change
     * never changes another's.
     */
    record DiskFacts(Map<String, String> registry, Map<String, String> registryPaths, boolean direct,
            java.nio.file.Path realRoot) {
    }

    public RawState(List<RawFile> files, Set<String> sourceJsonStems) {
        this(files, sourceJsonStems, null);
    }

    RawState(List<RawFile> files, Set<String> sourceJsonStems, DiskFacts disk) {
        this.files = List.copyOf(files);
        this.sourceJsonStems = Set.copyOf(sourceJsonStems);
        this.disk = disk;
        Map<String, List<RawFile>> index = new HashMap<>();
        for (RawFile f : this.files) {
            index.computeIfAbsent(f.docName(), k -> new ArrayList<>(1)).add(f);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byDocName = Map.copyOf(index);
        Map<String, RawFile> names = new HashMap<>();
        this.files.forEach(f -> names.put(f.name(), f));
        this.byName = Map.copyOf(names);
    }

    public List<RawFile> files() {
        return files;
    }

    /** The raw files whose entry is judged by the pages of {@code docName}. */
    public List<RawFile> filesFor(String docName) {
        return byDocName.getOrDefault(docName, List.of());
    }

    public boolean hasSourceJson(String docName) {
        return sourceJsonStems.contains(docName);
    }

    /** Finds a raw file by name, or null. */
    public RawFile file(String name) {
        return byName.get(name);
    }

    Set<String> sourceJsonStems() {
        return sourceJsonStems;
    }

    DiskFacts disk() {
        return disk;
    }

    /**
     * The raw files whose findings may differ between {@code before} and this state: those added,
     * removed or resolved to another document, and those of a document whose sources/*.json came or
     * went. Name to file, null for a file that is gone.
     */
    Map<String, RawFile> changedSince(RawState before) {
        Map<String, RawFile> out = new HashMap<>();
        if (before == this) {
            return out;
        }
        for (RawFile f : files) {
            if (!f.equals(before.file(f.name()))) {
                out.put(f.name(), f);
            }
        }
        for (RawFile f : before.files) {
            if (!byName.containsKey(f.name())) {
                out.put(f.name(), null);
            }
        }
        if (!sourceJsonStems.equals(before.sourceJsonStems)) {
            Set<String> flipped = new HashSet<>(sourceJsonStems);
            flipped.addAll(before.sourceJsonStems);
            for (String stem : flipped) {
                if (sourceJsonStems.contains(stem) != before.sourceJsonStems.contains(stem)) {
                    filesFor(stem).forEach(f -> out.put(f.name(), f));
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawState r && files.equals(r.files) && sourceJsonStems.equals(r.sourceJsonStems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files, sourceJsonStems);
    }

    @Override
    public String toString() {
        return "RawState" + files + " json" + sourceJsonStems;
    }
}
