package dev.openkb.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON exactly as OpenKB writes it with Python's {@code json.dumps(obj, indent=2, ensure_ascii=True)}
 * (plus the trailing newline of its {@code atomic_write_json}), so files we write are byte-identical
 * to OpenKB's, and a parser that keeps key order. Stateless; thread-safe.
 */
public final class PythonJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PythonJson() {
    }

    /** Parses a JSON object keeping key order (nested objects become LinkedHashMaps). */
    @SuppressWarnings("unchecked")
    public static LinkedHashMap<String, Object> parseObject(String text) throws JsonProcessingException {
        Object v = MAPPER.readValue(text, Object.class);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object, found " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
        return new LinkedHashMap<>((Map<String, Object>) v);
    }

    /** {@code json.dumps(value, indent=2, ensure_ascii=True) + "\n"}. */
    public static String dumpIndented(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                indent(sb, depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            int i = 0;
            for (Object o : c) {
                indent(sb, depth + 1);
                write(sb, o, depth + 1);
                sb.append(++i < c.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else {
            scalar(sb, v);
        }
    }

    private static void scalar(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            sb.append(d == Math.rint(d) && !Double.isInfinite(d) ? String.format("%.1f", d) : Double.toString(d));
        } else {
            string(sb, v.toString());
        }
    }

    /** A JSON string with Python's ensure_ascii escaping (\\uXXXX, surrogate pairs for astral chars). */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }
}
