package dev.openkb.lint;

import com.fasterxml.jackson.core.JacksonException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads raw/, {@code .openkb/hashes.json} and {@code wiki/sources/*.json} into a {@link RawState},
 * resolving each raw file through the registry as OpenKB's {@code find_missing_entries} does:
 * the file's registry path (KB-relative POSIX path of its real path when inside the KB, else the
 * absolute path) is looked up among the entries' {@code path}, {@code raw_path} and
 * {@code source_path} (first entry in file order wins); a hit names the document by its
 * {@code doc_name}, or the stem of its {@code name} for legacy entries. Stateless.
 */
public final class RawStateLoader {
    private RawStateLoader() {
    }

    /**
     * @throws KbException CORRUPT_STATE when hashes.json is not a JSON object of objects, IO_ERROR
     *                     when raw/ or wiki/sources/ cannot be listed
     */
    public static RawState load(KbLayout layout) {
        Map<String, JsonNode> byRegistryPath = readRegistry(layout.hashes());
        Path realRoot = realPath(layout.root());
        List<RawFile> files = new ArrayList<>();
        for (Path f : list(layout.rawDir())) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            String name = f.getFileName().toString();
            JsonNode meta = byRegistryPath == null ? null : byRegistryPath.get(registryPath(f, realRoot));
            if (meta == null) {
                files.add(new RawFile(name, PyText.stem(name), false));
            } else {
                String docName = text(meta, "doc_name");
                if (docName == null || docName.isEmpty()) {
                    String metaName = text(meta, "name");
                    docName = PyText.stem(metaName == null ? name : metaName);
                }
                files.add(new RawFile(name, docName, true));
            }
        }
        files.sort((a, b) -> PyText.CODEPOINT_ORDER.compare(a.name(), b.name()));
        Set<String> jsonStems = new HashSet<>();
        for (Path f : list(layout.sourcesDir())) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") && Files.isRegularFile(f)) {
                jsonStems.add(name.substring(0, name.length() - 5));
            }
        }
        return new RawState(files, jsonStems);
    }

    /** Registry path to entry, or null when there is no hashes.json (then every file is unregistered). */
    private static Map<String, JsonNode> readRegistry(Path hashes) {
        JsonNode root = readJson(hashes);
        if (root == null) {
            return null;
        }
        if (root.isMissingNode()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "the registry must be a JSON object");
        }
        Map<String, JsonNode> byPath = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isObject()) {
                throw new KbException(ErrorCode.CORRUPT_STATE, hashes, "entry " + e.getKey() + " is not a JSON object");
            }
            for (String field : new String[] {"path", "raw_path", "source_path"}) {
                String p = text(e.getValue(), field);
                if (p != null) {
                    byPath.putIfAbsent(p, e.getValue());
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

    private static String text(JsonNode meta, String field) {
        JsonNode v = meta.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
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
