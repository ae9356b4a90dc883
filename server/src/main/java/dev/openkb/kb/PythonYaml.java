package dev.openkb.kb;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * YAML as PyYAML's {@code yaml.safe_dump(data, allow_unicode=True, sort_keys=True)} writes it for
 * the value shapes a config holds (strings, numbers, booleans, null, lists, nested maps), so a
 * {@code config.yaml} we save is byte-identical to OpenKB's. Stateless.
 */
public final class PythonYaml {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern RESERVED = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~");

    private PythonYaml() {
    }

    public static String dump(Map<String, ?> data) {
        StringBuilder sb = new StringBuilder();
        if (data.isEmpty()) {
            return "{}\n";
        }
        mapping(sb, data, 0);
        return sb.toString();
    }

    private static void mapping(StringBuilder sb, Map<String, ?> m, int indent) {
        for (Map.Entry<String, ?> e : new TreeMap<>(m).entrySet()) {
            sb.append(" ".repeat(indent)).append(scalarText(e.getKey())).append(':');
            value(sb, e.getValue(), indent, true);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder sb, Object v, int indent, boolean inMapping) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append(" {}\n");
            } else {
                sb.append('\n');
                mapping(sb, (Map<String, ?>) m, indent + 2);
            }
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append(" []\n");
                return;
            }
            sb.append('\n');
            for (Object o : c) {
                // PyYAML does not indent a block sequence that is a mapping's value.
                sb.append(" ".repeat(indent)).append("-");
                if (o instanceof Map<?, ?> om && !om.isEmpty()) {
                    StringBuilder inner = new StringBuilder();
                    mapping(inner, (Map<String, ?>) om, indent + 2);
                    sb.append(' ').append(inner.substring(indent + 2));
                } else {
                    value(sb, o, indent, false);
                }
            }
        } else {
            sb.append(' ').append(scalarText(v)).append('\n');
        }
    }

    private static String scalarText(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        String s = v.toString();
        return needsQuotes(s) ? "'" + s.replace("'", "''") + "'" : s;
    }

    private static boolean needsQuotes(String s) {
        if (s.isEmpty() || NUMBER.matcher(s).matches() || RESERVED.matcher(s).matches()) {
            return true;
        }
        char first = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 && !(first == '-' && s.length() > 1 && s.charAt(1) != ' ')) {
            return true;
        }
        if (Character.isWhitespace(first) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return s.contains(": ") || s.contains(" #") || s.endsWith(":");
    }
}
