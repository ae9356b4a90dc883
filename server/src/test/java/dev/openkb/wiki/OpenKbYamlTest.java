package dev.openkb.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The fast path must give SnakeYAML's answer whenever it answers at all. */
class OpenKbYamlTest {
    private static final String[] KEYS = {"type", "description", "sources", "doc_type", "yes", "On", "_x", "a-b", "1a", "full_text"};
    private static final String[] VALUES = {"\"Concept\"", "short", "[\"summaries/a.md\", \"summaries/b.md\"]", "[]",
        "\"a: b # c\"", "\"tab\\there\"", "\"\\u00e9 \\\"q\\\" \\\\ \\/ \\n\"", "yes", "No", "null", "~", "3", "1e5", "\"x\" # c",
        "[\"a\", 3]", "'single'", "\"unterminated", "a b", "\"😀 对接\"", "[a, b]", "\"x\" \"y\"", ".inf", "short-form", "\"\u0085\"",
        "\"\\ud83d\\ude00\"", "- item", "{\"a\": \"b\"}", "\"\"", "[ \"a\" ]",
        "\"a\\\\\"", "\"\\x41\"", "[\"a\",]", "[ ]", "[\"a\" \"b\"]", "\"\\u00\"", "[\"a\"] x", "\"a\"]"};

    @Test
    void fastPathAgreesWithSnakeYamlOnGeneratedFrontmatter() throws Exception {
        Random rnd = new Random(11);
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder yaml = new StringBuilder();
            int lines = 1 + rnd.nextInt(4);
            for (int l = 0; l < lines; l++) {
                boolean common = rnd.nextInt(3) > 0;
                yaml.append(common ? KEYS[rnd.nextInt(4)] : KEYS[rnd.nextInt(KEYS.length)]).append(": ")
                        .append(common ? VALUES[rnd.nextInt(4)] : VALUES[rnd.nextInt(VALUES.length)])
                        .append(rnd.nextInt(5) == 0 ? " \r\n" : "\n");
            }
            Map<String, Object> quick = OpenKbYaml.tryParse(yaml.toString());
            if (quick != null) {
                fast++;
                assertEquals(snakeYaml(yaml.toString()), quick, yaml.toString());
            }
        }
        assertEquals(true, fast > 1000, "the fast path should take OpenKB's own style: " + fast);
    }

    @Test
    void openKbWrittenFrontmatterTakesTheFastPath() {
        assertNotNull(OpenKbYaml.tryParse("type: \"Summary\"\ndescription: \"d\"\ndoc_type: short\nfull_text: \"sources/a.md\""));
        assertNull(OpenKbYaml.tryParse("type: Summary # comment"));
        assertNull(OpenKbYaml.tryParse("description: >\n  folded"));
    }

    private static Map<String, Object> snakeYaml(String yaml) {
        Object o;
        try {
            o = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            return Map.of("error", List.of(e.getMessage()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
