package dev.openkb.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code .openkb/config.yaml}: OpenKB's defaults overlaid by the file (a shallow update, as OpenKB
 * does), unknown keys kept so saving never drops what another tool wrote. Immutable.
 * Our one difference: a missing {@code model} means {@code offline} (no network), not OpenKB's
 * {@code gpt-5.4}, so a KB never calls a paid API unless its config says so.
 */
public record KbConfig(Map<String, Object> values) {
    public static final String OFFLINE = "offline";
    public static final List<String> DEFAULT_ENTITY_TYPES =
            List.of("person", "organization", "place", "product", "work", "event", "other");

    public KbConfig {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static KbConfig defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", "en");
        m.put("model", OFFLINE);
        m.put("pageindex_threshold", 20);
        return new KbConfig(m);
    }

    public static KbConfig load(Path file) {
        Map<String, Object> m = new LinkedHashMap<>(defaults().values());
        if (Files.exists(file)) {
            m.putAll(parse(file));
        }
        return new KbConfig(m);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return Map.of();
            }
            Object v = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
            if (v == null) {
                return Map.of();
            }
            if (!(v instanceof Map)) {
                throw new KbException(ErrorCode.CORRUPT_STATE, file, "config is not a YAML mapping");
            }
            return (Map<String, Object>) v;
        } catch (IOException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, file, "cannot parse YAML: " + firstLine(e.getMessage()), e);
        }
    }

    public KbConfig with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new KbConfig(m);
    }

    /** The file's text as OpenKB writes it (keys sorted). */
    public String toYaml() {
        return PythonYaml.dump(values);
    }

    public String model() {
        Object m = values.get("model");
        return m == null || m.toString().isBlank() ? OFFLINE : m.toString().trim();
    }

    public boolean isOffline() {
        return OFFLINE.equalsIgnoreCase(model());
    }

    public String language() {
        return String.valueOf(values.getOrDefault("language", "en"));
    }

    public int pageindexThreshold() {
        return positiveInt("pageindex_threshold", 20);
    }

    /** {@code file_processing_jobs}: at least 1, default 2 (invalid values fall back to the default). */
    public int jobs() {
        return positiveInt("file_processing_jobs", 2);
    }

    /** {@code pipeline_buffer_size}: at least 0, default 2. */
    public int bufferSize() {
        Object v = values.get("pipeline_buffer_size");
        return v instanceof Number n && n.intValue() >= 0 && !(v instanceof Double) ? n.intValue() : 2;
    }

    /**
     * {@code max_download_mb}: the size cap of one URL download, 1 to 10240 (10 GiB), default 100. The
     * KB is untrusted, so anything else (a string, zero, a negative or huge number) is the default.
     */
    public int maxDownloadMb() {
        int mb = positiveInt("max_download_mb", 100);
        return mb <= 10240 ? mb : 100;
    }

    /** Entity types normalised as OpenKB does (lower-cased, trimmed, de-duplicated, "other" last). */
    public List<String> entityTypes() {
        Object v = values.get("entity_types");
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            return DEFAULT_ENTITY_TYPES;
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (Object o : l) {
            String s = String.valueOf(o).toLowerCase(Locale.ROOT).trim().replaceAll("[^a-z0-9 _-]", "");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        out.add("other");
        return List.copyOf(out);
    }

    public String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    private int positiveInt(String key, int dflt) {
        Object v = values.get(key);
        if (v instanceof Integer || v instanceof Long) {
            int n = ((Number) v).intValue();
            return n >= 1 ? n : dflt;
        }
        return dflt;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
