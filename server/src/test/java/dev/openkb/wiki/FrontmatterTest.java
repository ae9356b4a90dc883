package dev.openkb.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontmatterTest {

    private static FrontmatterBlock split(String text) {
        return Frontmatter.split(text).orElseThrow();
    }

    @Test
    void splitIsLosslessAndFindsTheYamlBetweenTheDelimiters() {
        String text = "---\ntype: \"Concept\"\ndescription: \"x\"\n---\n\nBody [[a]]\n";
        FrontmatterBlock fb = split(text);
        assertEquals(text, fb.block() + fb.body());
        assertEquals("---\ntype: \"Concept\"\ndescription: \"x\"\n---\n", fb.block());
        assertEquals("type: \"Concept\"\ndescription: \"x\"", fb.yaml());
        assertEquals(1, fb.yamlStartLine());
        assertEquals(3, fb.endLine());
    }

    @Test
    void closingDelimiterWithoutTrailingNewlineKeepsEveryKey() {
        FrontmatterBlock fb = split("---\ntype: \"Summary\"\ndescription: \"d\"\n---");
        assertEquals("", fb.body());
        assertEquals("---\ntype: \"Summary\"\ndescription: \"d\"\n---", fb.block());
    }

    @Test
    void dashesInsideAQuotedValueDoNotCloseTheBlock() {
        String text = "---\ndescription: \"a --- b\"\n---\nbody";
        assertEquals("description: \"a --- b\"", split(text).yaml());
    }

    @Test
    void noBlockWithoutLeadingDashesOrLineAnchoredCloser() {
        assertTrue(Frontmatter.split("type: x\n---\n").isEmpty());
        assertTrue(Frontmatter.split("---\ntype: x --- y\n").isEmpty());
        assertTrue(Frontmatter.split("").isEmpty());
    }

    @Test
    void crlfPagesReportPageLinesOfTheYamlAndCloser() throws Exception {
        String text = "---\r\ntype: \"Concept\"\r\ndescription: \"x\"\r\n---\r\nbody\r\n";
        FrontmatterBlock fb = split(text);
        assertEquals(text, fb.block() + fb.body());
        assertEquals(1, fb.yamlStartLine());
        assertEquals(3, fb.endLine());
        assertEquals(Map.of("type", "Concept", "description", "x"), fb.parse());
    }

    @Test
    void parseErrorCarriesThePageLineAndPyYamlsFirstLine() {
        FrontmatterBlock fb = split("---\ntype: \"Concept\"\nbrief: a: b\n---\nbody");
        FrontmatterException e = assertThrows(FrontmatterException.class, fb::parse);
        assertEquals(2, e.line());
        assertEquals("mapping values are not allowed here", e.firstLine());
    }

    @Test
    void parseErrorLineIsRelativeToTheYamlGiven() {
        FrontmatterException e = assertThrows(FrontmatterException.class,
                () -> Frontmatter.parse("a: 1\nb: [1, 2\nc: 3"));
        assertTrue(e.line() >= 1, "line " + e.line());
        assertTrue(e.firstLine().startsWith("while parsing a flow sequence"), e.firstLine());
    }

    @Test
    void parseGivesAnEmptyMapForEmptyOrNonMappingYaml() throws Exception {
        assertEquals(Map.of(), Frontmatter.parse(""));
        assertEquals(Map.of(), Frontmatter.parse("- a\n- b"));
        assertEquals(Map.of("sources", List.of("summaries/a.md")), Frontmatter.parse("sources: [\"summaries/a.md\"]"));
    }

    @Test
    void renderWritesOpenKbsJsonQuotedLinesAndBareRawYaml() throws Exception {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "Summary");
        fields.put("description", "Quotes \" and\nnewline, café");
        fields.put("doc_type", new RawYaml("short"));
        fields.put("sources", List.of("summaries/a.md", "summaries/b.md"));
        fields.put("count", 3);
        fields.put("ratio", 0.5);
        fields.put("ok", true);
        String block = Frontmatter.render(fields);
        assertEquals("---\ntype: \"Summary\"\ndescription: \"Quotes \\\" and\\nnewline, café\"\ndoc_type: short\n"
                + "sources: [\"summaries/a.md\", \"summaries/b.md\"]\ncount: 3\nratio: 0.5\nok: true\n---\n", block);
        Map<String, Object> back = split(block + "\nbody").parse();
        assertEquals("Quotes \" and\nnewline, café", back.get("description"));
        assertEquals("short", back.get("doc_type"));
    }

    @Test
    void floatsAndControlCharsAreWrittenAsPythonJsonDoes() {
        assertEquals("1.0", PyJson.dumps(1.0));
        assertEquals("1e+16", PyJson.dumps(1e16));
        assertEquals("1.5e-05", PyJson.dumps(1.5e-5));
        assertEquals("0.0001", PyJson.dumps(1e-4));
        assertEquals("-2.5", PyJson.dumps(-2.5));
        assertEquals("\"\\u0001\\t\"", PyJson.dumps("\u0001\t"));
        assertEquals("{\"a\": [1, null]}", PyJson.dumps(Map.of("a", java.util.Arrays.asList(1, null))));
        assertEquals("[]", PyJson.dumps(List.of()));
    }
}
