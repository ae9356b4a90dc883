package dev.openkb.kb;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document registry, {@code .openkb/hashes.json}: SHA-256 of the source bytes → metadata, in
 * insertion order, read and written byte-compatibly with OpenKB. An immutable value: every change
 * returns a new registry, and the caller writes {@link #toJson()} through its transaction, once per
 * mutation (OpenKB rewrites the file up to three times per add).
 */
public final class Registry {
    private final LinkedHashMap<String, Map<String, Object>> entries;

    private Registry(LinkedHashMap<String, Map<String, Object>> entries) {
        this.entries = entries;
    }

    public static Registry empty() {
        return new Registry(new LinkedHashMap<>());
    }

    public static Registry load(KbLayout layout) {
        Path f = layout.hashes();
        if (!Files.exists(f)) {
            return empty();
        }
        try {
            return parse(Files.readString(f, StandardCharsets.UTF_8), f);
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, f, "cannot read the registry: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Registry parse(String json, Path file) {
        if (json.isBlank()) {
            throw new KbException(ErrorCode.CORRUPT_STATE, file, "the registry is empty (expected at least {}); restore it from a backup or re-add the documents");
        }
        LinkedHashMap<String, Object> raw;
        try {
            raw = PythonJson.parseObject(json);
        } catch (Exception e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, file, "the registry is not a JSON object: " + e.getMessage(), e);
        }
        LinkedHashMap<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw new KbException(ErrorCode.CORRUPT_STATE, file, "entry " + e.getKey() + " is not an object");
            }
            m.put(e.getKey(), new LinkedHashMap<>((Map<String, Object>) e.getValue()));
        }
        return new Registry(m);
    }

    public String toJson() {
        return PythonJson.dumpIndented(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isKnown(String hash) {
        return entries.containsKey(hash);
    }

    public Optional<RegistryEntry> get(String hash) {
        Map<String, Object> m = entries.get(hash);
        return m == null ? Optional.empty() : Optional.of(new RegistryEntry(hash, m));
    }

    public List<RegistryEntry> entries() {
        List<RegistryEntry> out = new ArrayList<>();
        entries.forEach((h, m) -> out.add(new RegistryEntry(h, m)));
        return out;
    }

    /** First entry whose {@code path}, {@code raw_path} or {@code source_path} equals {@code key}. */
    public Optional<RegistryEntry> getByPath(String key) {
        for (RegistryEntry e : entries()) {
            if (key.equals(e.path()) || key.equals(e.rawPath()) || key.equals(e.sourcePath())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** First entry without a {@code path} whose doc name equals {@code stem} after NFKC on both sides. */
    public Optional<RegistryEntry> findLegacyByStem(String stem) {
        String want = nfkc(stem);
        for (RegistryEntry e : entries()) {
            if ((e.path() == null || e.path().isEmpty()) && e.docName() != null && nfkc(e.docName()).equals(want)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<RegistryEntry> findByDocName(String docName) {
        return entries().stream().filter(e -> docName.equals(e.docName())).findFirst();
    }

    public Registry with(String hash, Map<String, Object> meta) {
        LinkedHashMap<String, Map<String, Object>> m = new LinkedHashMap<>(entries);
        m.put(hash, new LinkedHashMap<>(meta));
        return new Registry(m);
    }

    public Registry withoutHash(String hash) {
        LinkedHashMap<String, Map<String, Object>> m = new LinkedHashMap<>(entries);
        m.remove(hash);
        return new Registry(m);
    }

    /** Drops the first entry with that doc name (the previous version of an edited file), as OpenKB. */
    public Registry withoutDocName(String docName) {
        return findByDocName(docName).map(e -> withoutHash(e.hash())).orElse(this);
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
