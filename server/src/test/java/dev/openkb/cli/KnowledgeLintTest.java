package dev.openkb.cli;

import static dev.openkb.testing.FakeLlmServer.answer;
import static dev.openkb.testing.FakeLlmServer.call;
import static dev.openkb.testing.FakeLlmServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.agent.AgentKb;
import dev.openkb.agent.KnowledgeLint;
import dev.openkb.lint.LintReportWriter;
import dev.openkb.testing.FakeLlmServer;
import dev.openkb.testing.FakeLlmServer.Call;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code openkb lint} with a model configured runs OpenKB's knowledge lint after the structural one,
 * against a local provider speaking both APIs, and writes its report under "Semantic"; skipped,
 * offline, unapproved or failing, the report says so and why.
 */
class KnowledgeLintTest {
    @TempDir
    Path dir;
    final FakeLlmServer llm = FakeLlmServer.start();


    @AfterEach
    void stop() {
        llm.close();
    }

    private CliRun lint(AgentKb kb, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(Stream.of("lint", "--kb", kb.kb.root().toString()), Stream.of(extra)).toArray(String[]::new);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), kb.env());
        return new CliRun(code, out.toString(), err.toString());
    }

    private static String report(AgentKb kb) throws IOException {
        try (Stream<Path> s = Files.list(kb.kb.reportsDir())) {
            List<Path> reports = s.toList();
            assertEquals(1, reports.size(), reports.toString());
            return Files.readString(reports.get(0), StandardCharsets.UTF_8);
        }
    }

    private static String semantic(String report) {
        return report.substring(report.indexOf("\n## Semantic\n\n") + "\n## Semantic\n\n".length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void withAModelTheKnowledgeLintReadsTheWikiAndItsReportIsAppended(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        String found = "### Contradictions\n- [[summaries/paper]] and [[concepts/attention]] disagree.\n\n### Gaps\nNone found.";
        llm.script(call("list_files", "{\"directory\": \"summaries\"}"),
                call("read_file", "{\"path\": \"summaries/paper.md\"}"),
                call("read_file", "{\"path\": \"../.env.secret\"}"),
                answer(found));

        CliRun r = lint(kb);

        String out = r.out();
        assertTrue(out.indexOf("Running structural lint...") < out.indexOf("Running knowledge lint..."), out);
        assertTrue(out.contains("Running knowledge lint...\n## Knowledge Lint\n\n" + found + "\n"), out);
        assertEquals(found + "\n", semantic(report(kb)));
        assertEquals(4, llm.calls.size());
        Call last = llm.calls.get(3);
        assertEquals(List.of("list_files", "read_file"), last.toolNames());
        assertTrue(last.system().contains("Write the lint report in fr language.") && last.system().contains(AgentKb.SCHEMA));
        assertEquals(List.of("paper.md", "---\ndoc_type: pageindex\nfull_text: sources/paper.json\n---\n# Paper\nAttention is all you need.\n",
                "Access denied: path escapes wiki root."), last.toolResults());
        for (Call c : llm.calls) {
            assertFalse(c.body().toString().contains(AgentKb.SECRET));
        }
        CliRun structuralOnly = lint(kb, "--no-report", "--no-knowledge");
        assertEquals(structuralOnly.code(), r.code(), "the knowledge lint does not change the exit code");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void noKnowledgeSkipsItAndTheReportSaysSo(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        CliRun r = lint(kb, "--no-knowledge");
        assertEquals(List.of(), llm.calls);
        assertTrue(r.out().contains("Knowledge lint not run: skipped with --no-knowledge."), r.out());
        assertEquals("Knowledge lint not run: skipped with --no-knowledge.\n", semantic(report(kb)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anUnapprovedEndpointIsNotCalledAndTheReportSaysHowToApproveIt(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        CliRun r = lint(kb);
        assertEquals(List.of(), llm.calls);
        String semantic = semantic(report(kb));
        assertTrue(semantic.startsWith("Knowledge lint not run: ENDPOINT_NOT_APPROVED: ") && semantic.contains("openkb trust --kb"), semantic);
        assertTrue(r.out().contains("Knowledge lint not run: ENDPOINT_NOT_APPROVED"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void offlineTheReportSaysItWasNotRunAndWhy(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.configure("offline", llm.baseUrl(), Map.of());
        CliRun r = lint(kb);
        assertEquals(List.of(), llm.calls);
        assertEquals(LintReportWriter.SEMANTIC_NOT_RUN + "\n", semantic(report(kb)));
        assertTrue(r.out().contains(LintReportWriter.SEMANTIC_NOT_RUN), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aFailingModelLeavesAReportThatSaysWhyAndNeverTheKey(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(status(401, "{\"error\":{\"message\":\"bad key " + AgentKb.KEY + "\"}}", Map.of()));
        CliRun r = lint(kb);
        String semantic = semantic(report(kb));
        assertTrue(semantic.startsWith("Knowledge lint failed: LLM_FAILED: ") && semantic.contains("check LLM_API_KEY"), semantic);
        for (String s : List.of(r.out(), r.err(), report(kb))) {
            assertFalse(s.contains(AgentKb.KEY), s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anEmptyAnswerIsReportedAsOpenKbDoes(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(answer(""));
        lint(kb);
        assertEquals(KnowledgeLint.NO_OUTPUT + "\n", semantic(report(kb)));
    }
}
