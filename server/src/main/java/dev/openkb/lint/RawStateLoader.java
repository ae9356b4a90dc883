package dev.openkb.lint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.PyText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads raw/, {@code .openkb/hashes.json} and {@code wiki/sources/*.json} into a {@link RawState},
 * resolving each raw file through the registry as OpenKB's {@code find_missing_entries} does:
 * the file's registry path (KB-relative POSIX path of its real path when inside the KB, else the
 * absolute path) is looked up among the entries' {@code path}, {@code raw_path} and
 * {@code source_path} (first entry in file order wins); a hit names the document by its
 * {@code doc_name}, or the stem of its {@code name} for legacy entries.
 *
 * <p>{@link #update} brings a state read here up to date with a commit's touched paths: the
 * registry is read again when hashes.json is among them (its entries, not the tree), but only the
 * touched raw/ files and sources/*.json are looked at on disk, so no commit lists raw/ or resolves
 * every raw file's real path again. Anything it cannot judge from the touched paths alone (a raw
 * file reached through a symbolic link, a touched folder) falls back to {@link #load}. Stateless.
 */
public final class RawStateLoader {
    private static final String RAW = "raw/";
    private static final String SOURCES = "wiki/sources/";
    private static final String HASHES = ".openkb/hashes.json";
    /** Thread-safe once configured; creates one parser per read. */
    private static final JsonFactory JSON = new JsonFactory();
    /** The fields of a registry entry that name its paths and its document; the rest are not decoded. */
    private static final Set<String> REGISTRY_FIELDS = Set.of("name", "doc_name", "path", "raw_path", "source_path");

    private RawStateLoader() {
    }

    /**
     * @throws KbException CORRUPT_STATE when hashes.json is not a JSON object of objects, IO_ERROR
     *                     when raw/ or wiki/sources/ cannot be listed
     */
    public static RawState load(KbLayout layout) {
        Map<String, String> registry = readRegistry(layout.hashes());
        Path realRoot = realPath(layout.root());
        Map<String, String> registryPaths = new HashMap<>();
        boolean direct = true;
        for (Path f : list(layout.rawDir())) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String name = f.getFileName().toString();
            String registryPath = registryPath(f, realRoot);
            registryPaths.put(name, registryPath);
            direct &= registryPath.equals(RAW + name);
        }
        Set<String> jsonStems = new HashSet<>();
        for (Path f : list(layout.sourcesDir())) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") && Files.isRegularFile(f)) {
                jsonStems.add(name.substring(0, name.length() - 5));
            }
        }
        return state(new RawState.DiskFacts(registry, PersistentMap.of(registryPaths), direct, realRoot), jsonStems);
    }

    /**
     * {@code previous} after a change to the KB-relative paths {@code touched} (those outside the
     * raw state are ignored): the registry again when hashes.json is among them, each touched raw
     * file and sources/*.json looked at again. Equal to {@link #load} of the KB as it now is.
     *
     * @throws KbException as {@link #load}
     */
    public static RawState update(RawState previous, KbLayout layout, Collection<String> touched) {
        RawState.DiskFacts facts = previous.disk();
        if (facts == null) {
            return load(layout);
        }
        boolean registryChanged = false;
        List<String> rawNames = new ArrayList<>();
        List<String> jsonStems = new ArrayList<>();
        for (String rel : touched) {
            if (rel.equals(HASHES)) {
                registryChanged = true;
            } else if (rel.equals(".openkb") || rel.equals("raw") || rel.equals("wiki") || rel.equals("wiki/sources")
                    || rel.isEmpty()) {
                return load(layout); // a whole folder came or went
            } else if (rel.startsWith(RAW) && rel.indexOf('/', RAW.length()) < 0) {
                rawNames.add(rel.substring(RAW.length()));
            } else if (rel.startsWith(SOURCES) && rel.endsWith(".json") && rel.indexOf('/', SOURCES.length()) < 0) {
                jsonStems.add(rel.substring(SOURCES.length(), rel.length() - 5));
            }
        }
        if (!rawNames.isEmpty() && !facts.direct()) {
            return load(layout); // a symbolic link in raw/ may name a touched file
        }
        PersistentMap<String, String> registryPaths = facts.registryPaths();
        Set<String> changedNames = new HashSet<>();
        for (String name : rawNames) {
            Path f = layout.rawDir().resolve(name);
            changedNames.add(name);
            if (!Files.isRegularFile(f)) {
                registryPaths = registryPaths.remove(name);
                continue;
            }
            String registryPath = registryPath(f, facts.realRoot());
            if (!registryPath.equals(RAW + name)) {
                return load(layout); // now a symbolic link: judged as a full read judges it
            }
            registryPaths = registryPaths.put(name, registryPath);
        }
        Set<String> flipped = new HashSet<>();
        for (String stem : jsonStems) {
            if (Files.isRegularFile(layout.sourcesDir().resolve(stem + ".json")) != previous.hasSourceJson(stem)) {
                flipped.add(stem);
            }
        }
        Map<String, String> registry = registryChanged ? readRegistry(layout.hashes()) : facts.registry();
        // Still direct exactly when it was: a touched raw file that is not direct went to load() above.
        RawState.DiskFacts next = new RawState.DiskFacts(registry, registryPaths, facts.direct(), facts.realRoot());
        if (registryChanged) {
            if (!facts.direct() || (registry == null) != (facts.registry() == null)) {
                // every file may resolve anew: judged from the facts as a full read judges them
                Set<String> stems = previous.sourceJsonStems();
                flipped.forEach(st -> {
                    if (!stems.remove(st)) {
                        stems.add(st);
                    }
                });
                return state(next, stems);
            }
            // Each raw file's registry path is raw/<name>: a path whose entry changed names its file.
            if (registry != null) {
                addChangedRawPaths(facts.registry(), registry, changedNames);
                addChangedRawPaths(registry, facts.registry(), changedNames);
            }
        }
        Map<String, RawFile> changed = new HashMap<>();
        for (String name : changedNames) {
            String registryPath = registryPaths.get(name);
            changed.put(name, registryPath == null ? null : rawFile(name, registryPath, registry));
        }
        return previous.derive(changed, flipped, next);
    }

    /** Adds the raw file names {@code raw/<name>} among the paths whose entry in {@code a} differs from {@code b}. */
    private static void addChangedRawPaths(Map<String, String> a, Map<String, String> b, Set<String> names) {
        a.forEach((path, doc) -> {
            if (path.startsWith(RAW) && path.indexOf('/', RAW.length()) < 0
                    && (!Objects.equals(doc, b.get(path)) || !b.containsKey(path))) {
                names.add(path.substring(RAW.length()));
            }
        });
    }

    private static RawState state(RawState.DiskFacts facts, Set<String> jsonStems) {
        List<RawFile> files = new ArrayList<>(facts.registryPaths().size());
        facts.registryPaths().forEach((name, registryPath) -> files.add(rawFile(name, registryPath, facts.registry())));
        files.sort((a, b) -> PyText.CODEPOINT_ORDER.compare(a.name(), b.name()));
        return new RawState(files, jsonStems, facts);
    }

    /** The raw file {@code name} as the registry resolves its registry path. */
    private static RawFile rawFile(String name, String registryPath, Map<String, String> registry) {
        if (registry == null || !registry.containsKey(registryPath)) {
            return new RawFile(name, PyText.stem(name), false);
        }
        String docName = registry.get(registryPath);
        return new RawFile(name, docName == null ? PyText.stem(name) : docName, true);
    }

    /**
     * Registry path to document name, or null when there is no hashes.json (then every file is
     * unregistered). Read as a stream of tokens, keeping only the fields that name paths and
     * documents: the registry of a large KB is rewritten by every add, and this is read after each.
     */
    private static Map<String, String> readRegistry(Path hashes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(hashes);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, hashes, "cannot read the registry: " + e.getMessage(), e);
        }
        // hash -> its entry's string fields (null for a field that is not a string), or null when the
        // entry is not an object; a repeated key keeps its first position and its last value, as a tree does.
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Map.of();
            }
            if (t != JsonToken.START_OBJECT) {
                throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "the registry must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String hash = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    entries.put(hash, null);
                    continue;
                }
                Map<String, String> fields = new HashMap<>(8);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (!REGISTRY_FIELDS.contains(field)) {
                        p.skipChildren(); // a string left unread is skipped undecoded
                    } else if (v == JsonToken.VALUE_STRING) {
                        fields.put(field, p.getText());
                    } else {
                        p.skipChildren();
                        fields.put(field, null);
                    }
                }
                entries.put(hash, fields);
            }
        } catch (JacksonException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, hashes, "cannot read the registry: " + e.getMessage(), e);
        }
        Map<String, String> byPath = new HashMap<>(entries.size() * 4);
        for (Map.Entry<String, Map<String, String>> e : entries.entrySet()) {
            Map<String, String> meta = e.getValue();
            if (meta == null) {
                throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "entry " + e.getKey() + " is not a JSON object");
            }
            String docName = meta.get("doc_name");
            if (docName == null || docName.isEmpty()) {
                String metaName = meta.get("name");
                docName = metaName == null ? null : PyText.stem(metaName);
            }
            for (String field : new String[] {"path", "raw_path", "source_path"}) {
                String p = meta.get(field);
                if (p != null && !byPath.containsKey(p)) {
                    byPath.put(p, docName); // null: a legacy entry without a name, the file's own stem
                }
            }
        }
        return byPath;
    }

    /**
     * hashes.json as a JSON tree, or null when the file does not exist.
     *
     * @throws KbException CORRUPT_STATE when it is not JSON, IO_ERROR when it cannot be read
     */
    static JsonNode readJson(Path hashes) {
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(hashes));
        } catch (NoSuchFileException e) {
            return null;
        } catch (JacksonException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, hashes, "cannot read the registry: " + e.getMessage(), e);
        }
    }

    private static String registryPath(Path file, Path realRoot) {
        Path real = realPath(file);
        if (real.startsWith(realRoot)) {
            return realRoot.relativize(real).toString().replace('\\', '/');
        }
        return real.toString().replace('\\', '/');
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, dir, "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
