package dev.openkb.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the missing-wiki-entry check needs from outside wiki pages: the raw files with their
 * document names (resolved through the registry once, at load) and the stems of
 * {@code wiki/sources/*.json} (long documents have no sources/*.md). Replaced as a whole when
 * raw/, hashes.json or sources/*.json change. Immutable and thread-safe.
 */
public final class RawState {
    public static final RawState EMPTY = new RawState(List.of(), Set.of());

    private final List<RawFile> files;
    private final Set<String> sourceJsonStems;
    private final Map<String, List<RawFile>> byDocName;
    private final Map<String, RawFile> byName;

    public RawState(List<RawFile> files, Set<String> sourceJsonStems) {
        this.files = List.copyOf(files);
        this.sourceJsonStems = Set.copyOf(sourceJsonStems);
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
}
