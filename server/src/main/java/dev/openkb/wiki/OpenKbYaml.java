package dev.openkb.wiki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast reader for the frontmatter OpenKB itself writes: one {@code key: value} line per field,
 * the value a JSON string, a JSON list of strings, or a bare word ({@code doc_type: short}). For
 * those lines JSON and YAML agree, so the result equals SnakeYAML's while costing a fraction of
 * it (loading 10,000 pages is mostly frontmatter). Anything else (comments, block scalars, YAML
 * special words, escapes where JSON and YAML differ, unprintable chars...) returns null and
 * {@link Frontmatter#parse} falls back to SnakeYAML. A test compares both on generated inputs.
 * The JSON subset (strings and lists of strings) is decoded here: a general JSON parser costs more
 * to start than the whole fast path. Stateless.
 */
final class OpenKbYaml {
    /** Words YAML 1.1 resolves to booleans or null (any case, to stay on the safe side). */
    private static final Set<String> SPECIAL = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private OpenKbYaml() {
    }

    /** The mapping, or null when the text is not in OpenKB's one-line JSON style. */
    static Map<String, Object> tryParse(String yaml) {
        if (!printable(yaml) || yaml.contains("\\/")) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        int start = 0;
        while (start <= yaml.length()) {
            int nl = yaml.indexOf('\n', start);
            int end = nl < 0 ? yaml.length() : nl;
            int trimmed = end;
            while (trimmed > start && (yaml.charAt(trimmed - 1) == '\r' || yaml.charAt(trimmed - 1) == ' ')) {
                trimmed--;
            }
            if (trimmed > start && !line(yaml.substring(start, trimmed), out)) {
                return null;
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean line(String line, Map<String, Object> out) {
        int colon = line.indexOf(": ");
        if (colon <= 0 || !isWord(line, 0, colon, true) || SPECIAL.contains(line.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return false;
        }
        String value = line.substring(colon + 2);
        Object parsed;
        if (value.startsWith("\"") || value.startsWith("[")) {
            parsed = json(value);
        } else if (isWord(value, 0, value.length(), false) && Character.isLetter(value.charAt(0))
                && !SPECIAL.contains(value.toLowerCase(Locale.ROOT))) {
            parsed = value;
        } else {
            parsed = null;
        }
        if (parsed == null) {
            return false;
        }
        out.put(line.substring(0, colon), parsed);
        return true;
    }

    /** A JSON string, or a list of JSON strings; null for anything else (or anything after it). */
    private static Object json(String value) {
        int[] pos = {0};
        Object result;
        if (value.charAt(0) == '"') {
            result = string(value, pos);
        } else {
            List<Object> items = new ArrayList<>();
            pos[0] = skipSpaces(value, 1);
            if (pos[0] < value.length() && value.charAt(pos[0]) == ']') {
                pos[0]++;
            } else {
                while (true) {
                    String item = pos[0] < value.length() && value.charAt(pos[0]) == '"' ? string(value, pos) : null;
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                    pos[0] = skipSpaces(value, pos[0]);
                    char c = pos[0] < value.length() ? value.charAt(pos[0]) : 0;
                    pos[0] = skipSpaces(value, pos[0] + 1);
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        return null;
                    }
                }
            }
            result = items;
        }
        return result != null && skipSpaces(value, pos[0]) == value.length() ? result : null;
    }

    /** Decodes the JSON string starting at {@code pos[0]} (a quote); moves pos past it; null if malformed. */
    private static String string(String s, int[] pos) {
        StringBuilder b = new StringBuilder();
        int i = pos[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                pos[0] = i;
                return b.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                return null;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        return null;
                    }
                    int cp = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i + k), 16);
                        if (d < 0) {
                            return null;
                        }
                        cp = cp * 16 + d;
                    }
                    b.append((char) cp);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** ASCII letters, digits, '_' (and '-' in values); a key may not start with a digit. */
    private static boolean isWord(String s, int from, int to, boolean key) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (c >= '0' && c <= '9' && (i > from || !key)) || (!key && c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** YAML's printable set, minus the line breaks YAML knows but JSON text may hold (NEL, LS, PS). */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\n' && c != '\r' : (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029
                    || c == 0xfeff || c == 0xfffe || c == 0xffff) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
