package dev.openkb.lint;

import dev.openkb.wiki.PyText;
import java.util.ArrayList;
import java.util.Collection;
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
 * path-to-document map and each raw file's registry path.
 *
 * <p>Kept in persistent maps, so a commit's update ({@link #derive}) costs the files it changes,
 * and records which names those were: {@link #changedSince} its base answers from them instead of
 * comparing every file. Immutable and thread-safe (the sorted file list is built when first asked:
 * a racy single check of an immutable list, any thread builds an equal one).
 */
public final class RawState {
    public static final RawState EMPTY = new RawState(List.of(), Set.of());

    private final PersistentMap<String, RawFile> byName;
    private final PersistentMap<String, List<RawFile>> byDocName;
    private final PersistentMap<String, Boolean> sourceJsonStems;
    /** Null unless read from disk; then what {@link RawStateLoader#update} starts from. */
    private final DiskFacts disk;
    /** This state's identity for {@link #changedSince}: a token, so no state keeps an older one alive. */
    private final Object token = new Object();
    /** The token of the state this one was derived from, or null. */
    private final Object base;
    /** Since the base: the raw names that may map to another file, and the sources/*.json stems that flipped. */
    private final Set<String> changedNames;
    private final Set<String> flippedStems;
    private List<RawFile> files;

    /**
     * The loader's facts. {@code registry}: registry path to document name (null when there is no
     * hashes.json); {@code registryPaths}: raw file name to its registry path; {@code direct}: every
     * raw file's registry path is {@code raw/<name>} (no symbolic link), so one raw file's change
     * never changes another's.
     */
    record DiskFacts(Map<String, String> registry, PersistentMap<String, String> registryPaths, boolean direct,
            java.nio.file.Path realRoot) {
    }

    public RawState(List<RawFile> files, Set<String> sourceJsonStems) {
        this(files, sourceJsonStems, null);
    }

    RawState(List<RawFile> files, Set<String> sourceJsonStems, DiskFacts disk) {
        Map<String, RawFile> names = new HashMap<>(files.size() * 2);
        Map<String, List<RawFile>> docs = new HashMap<>(files.size() * 2);
        for (RawFile f : files) {
            names.put(f.name(), f);
            docs.computeIfAbsent(f.docName(), k -> new ArrayList<>(1)).add(f);
        }
        docs.replaceAll((k, v) -> List.copyOf(v));
        Map<String, Boolean> stems = new HashMap<>(sourceJsonStems.size() * 2);
        sourceJsonStems.forEach(s -> stems.put(s, Boolean.TRUE));
        this.byName = PersistentMap.of(names);
        this.byDocName = PersistentMap.of(docs);
        this.sourceJsonStems = PersistentMap.of(stems);
        this.disk = disk;
        this.base = null;
        this.changedNames = Set.of();
        this.flippedStems = Set.of();
    }

    private RawState(PersistentMap<String, RawFile> byName, PersistentMap<String, List<RawFile>> byDocName,
            PersistentMap<String, Boolean> sourceJsonStems, DiskFacts disk, Object base, Set<String> changedNames,
            Set<String> flippedStems) {
        this.byName = byName;
        this.byDocName = byDocName;
        this.sourceJsonStems = sourceJsonStems;
        this.disk = disk;
        this.base = base;
        this.changedNames = Set.copyOf(changedNames);
        this.flippedStems = Set.copyOf(flippedStems);
    }

    /**
     * This state with the raw files named in {@code changed} replaced (null: gone), the sources/*.json
     * stems in {@code flipped} toggled, and new disk facts.
     */
    RawState derive(Map<String, RawFile> changed, Set<String> flipped, DiskFacts newDisk) {
        PersistentMap<String, RawFile> names = byName;
        PersistentMap<String, List<RawFile>> docs = byDocName;
        for (Map.Entry<String, RawFile> e : changed.entrySet()) {
            RawFile old = names.get(e.getKey());
            RawFile now = e.getValue();
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                List<RawFile> rest = new ArrayList<>(docs.get(old.docName()));
                rest.remove(old);
                docs = rest.isEmpty() ? docs.remove(old.docName()) : docs.put(old.docName(), List.copyOf(rest));
            }
            if (now != null) {
                List<RawFile> with = new ArrayList<>(docs.get(now.docName()) == null ? List.of() : docs.get(now.docName()));
                with.add(now);
                docs = docs.put(now.docName(), List.copyOf(with));
            }
            names = names.putOrRemove(e.getKey(), now);
        }
        PersistentMap<String, Boolean> stems = sourceJsonStems;
        for (String s : flipped) {
            stems = stems.containsKey(s) ? stems.remove(s) : stems.put(s, Boolean.TRUE);
        }
        return new RawState(names, docs, stems, newDisk, token, changed.keySet(), flipped);
    }

    /** Every raw file, sorted by name in code point order. */
    public List<RawFile> files() {
        List<RawFile> f = files;
        if (f == null) {
            List<RawFile> all = new ArrayList<>(byName.size());
            byName.forEach((name, file) -> all.add(file));
            all.sort((a, b) -> PyText.CODEPOINT_ORDER.compare(a.name(), b.name()));
            f = List.copyOf(all);
            files = f;
        }
        return f;
    }

    /** The raw files whose entry is judged by the pages of {@code docName}. */
    public List<RawFile> filesFor(String docName) {
        List<RawFile> l = byDocName.get(docName);
        return l == null ? List.of() : l;
    }

    public boolean hasSourceJson(String docName) {
        return sourceJsonStems.containsKey(docName);
    }

    /** Finds a raw file by name, or null. */
    public RawFile file(String name) {
        return byName.get(name);
    }

    Set<String> sourceJsonStems() {
        Set<String> out = new HashSet<>();
        sourceJsonStems.forEach((s, t) -> out.add(s));
        return out;
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
        if (base != null && base == before.token) {
            for (String name : changedNames) {
                RawFile f = byName.get(name);
                if (!Objects.equals(f, before.file(name))) {
                    out.put(name, f);
                }
            }
            addFilesOf(flippedStems, out);
            return out;
        }
        for (RawFile f : files()) {
            if (!f.equals(before.file(f.name()))) {
                out.put(f.name(), f);
            }
        }
        for (RawFile f : before.files()) {
            if (!byName.containsKey(f.name())) {
                out.put(f.name(), null);
            }
        }
        Set<String> flipped = new HashSet<>();
        sourceJsonStems.forEach((s, t) -> {
            if (!before.hasSourceJson(s)) {
                flipped.add(s);
            }
        });
        before.sourceJsonStems.forEach((s, t) -> {
            if (!hasSourceJson(s)) {
                flipped.add(s);
            }
        });
        addFilesOf(flipped, out);
        return out;
    }

    private void addFilesOf(Collection<String> stems, Map<String, RawFile> out) {
        for (String stem : stems) {
            filesFor(stem).forEach(f -> out.put(f.name(), f));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawState r && files().equals(r.files()) && sourceJsonStems().equals(r.sourceJsonStems());
    }

    @Override
    public int hashCode() {
        return Objects.hash(files(), sourceJsonStems());
    }

    @Override
    public String toString() {
        return "RawState" + files() + " json" + sourceJsonStems();
    }
}
