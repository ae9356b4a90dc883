package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb visualize} (issue 16.5): one self-contained graph.html of the wiki's pages and links. */
class VisualizeCommandTest {
    static final String HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void setUp() throws Exception {
        kb = Fixtures.kb(dir.resolve("kb"));
        Fixtures.write(kb.summary("paper"), "---\ntype: \"Summary\"\ndescription: \"The paper\"\n---\n\n# Paper\n\nSee [[concepts/attention]] and [[entities/vaswani]].\n");
        Fixtures.write(kb.concept("attention"), "---\ntype: \"Concept\"\ndescription: \"Weighting inputs\"\n---\n\n# Attention\n\nFrom [[summaries/paper]]; also [[concepts/attention]] and [[concepts/missing]].\n");
        Fixtures.write(kb.concept("transformer"), "---\ntype: \"Concept\"\ndescription: " + PythonJson.dumpIndented(HOSTILE).strip()
                + "\n---\n\n# Transformer\n\nUses [[concepts/attention]] twice: [[concepts/attention]].\n");
        Fixtures.write(kb.entity("vaswani"), "---\ntype: \"Entity\"\ndescription: \"An author\"\n---\n\n# Vaswani\n");
        Fixtures.write(kb.sourceMd("paper"), "# Paper source [[concepts/attention]]\n");
    }

    @Test
    void writesEverySummaryConceptAndEntityAsANodeAndEachLinkedPairAsAnEdge() throws Exception {
        CliRun r = CliRun.of("visualize", "--kb", kb.root().toString(), "--no-open");

        assertEquals(Main.OK, r.code(), r.err());
        Path html = kb.root().resolve("output/visualize/graph.html");
        assertEquals("Graph written to " + html + "\n", r.out());
        Map<String, Object> data = data(Files.readString(html));
        List<?> nodes = (List<?>) data.get("nodes");
        Map<String, Map<?, ?>> byId = nodes.stream().map(n -> (Map<?, ?>) n).collect(Collectors.toMap(n -> (String) n.get("id"), n -> n));
        assertEquals(List.of("concepts/attention", "concepts/transformer", "entities/vaswani", "summaries/paper"), List.copyOf(byId.keySet()).stream().sorted().toList());
        assertEquals("concept", byId.get("concepts/attention").get("kind"));
        assertEquals("Attention", byId.get("concepts/attention").get("title"));
        assertEquals("Weighting inputs", byId.get("concepts/attention").get("description"));
        assertEquals(2, byId.get("concepts/attention").get("backlinks"), "paper and transformer (a self-link and the source page do not count)");
        assertEquals(1, byId.get("summaries/paper").get("backlinks"));
        assertEquals(0, byId.get("concepts/transformer").get("backlinks"));
        List<?> edges = (List<?>) data.get("edges");
        List<String> named = edges.stream().map(e -> (List<?>) e).map(e -> ((Map<?, ?>) nodes.get((Integer) e.get(0))).get("id")
                + " - " + ((Map<?, ?>) nodes.get((Integer) e.get(1))).get("id")).sorted().toList();
        assertEquals(List.of("concepts/attention - concepts/transformer", "concepts/attention - summaries/paper",
                "entities/vaswani - summaries/paper"), named, "one edge per linked pair, whichever way and however often");
    }

    @Test
    void theFileIsSelfContainedAndPageTextCannotBreakOutOfItsData() throws Exception {
        CliRun r = CliRun.of("visualize", "--kb", kb.root().toString(), "--no-open");
        assertEquals(Main.OK, r.code(), r.err());
        String html = Files.readString(kb.root().resolve("output/visualize/graph.html"));

        String page = html.replaceFirst("(?s)(<script type=\"application/json\" id=\"graph-data\">).*?(</script>)", "$1$2");
        assertFalse(Pattern.compile("(?i)\\b(src|href)\\s*=|<link\\b|@import|url\\(|https?://").matcher(page).find(),
                "no remote or external resource of any kind: " + page);
        assertEquals(2, count(html, "<script"), "the data block and the one inline script");
        assertEquals(2, count(html, "</script>"), "the hostile description closes nothing");
        assertFalse(html.contains("<img"), html);
        assertEquals(HOSTILE, ((Map<?, ?>) ((List<?>) data(html).get("nodes")).stream()
                .filter(n -> "concepts/transformer".equals(((Map<?, ?>) n).get("id"))).findFirst().orElseThrow()).get("description"),
                "the description survives as text");
    }

    @Test
    void anOutputFolderThatIsASymlinkIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(kb.root().resolve("output"), elsewhere);

        CliRun r = CliRun.of("visualize", "--kb", kb.root().toString(), "--no-open");

        assertEquals(Main.FAILURE, r.code(), r.out());
        assertTrue(r.err().contains("PATH_OUTSIDE_KB") && r.err().contains("symlink"), r.err());
        try (var s = Files.walk(elsewhere)) {
            assertEquals(1, s.count(), "nothing written through the link");
        }
    }

    private static Map<String, Object> data(String html) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"graph-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the data block is there");
        return PythonJson.parseObject(m.group(1));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
