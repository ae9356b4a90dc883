package dev.openkb.cli;

import static dev.openkb.testing.FakeLlmServer.answer;
import static dev.openkb.testing.FakeLlmServer.call;
import static dev.openkb.testing.FakeLlmServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.agent.AgentKb;
import dev.openkb.testing.FakeLlmServer;
import dev.openkb.testing.FakeLlmServer.Call;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code openkb query} with a configured, approved model answers through the agent's tool loop
 * (mode "llm", sources = the pages the model read, the text streamed), against a local provider
 * speaking both APIs; unapproved or failing, it ends with a clear error and logs nothing.
 */
class QueryLlmTest {
    @TempDir
    Path dir;
    final FakeLlmServer llm = FakeLlmServer.start();


    @AfterEach
    void stop() {
        llm.close();
    }

    private CliRun query(AgentKb kb, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("query", "--kb", kb.kb.root().toString()), Stream.of(args)).toArray(String[]::new);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true), kb.env());
        return new CliRun(code, out.toString(), err.toString());
    }

    private static String log(AgentKb kb) throws IOException {
        return Files.readString(kb.kb.logMd(), StandardCharsets.UTF_8);
    }

    private void scriptAnswer() {
        llm.script(call("read_file", "{\"path\": \"summaries/paper.md\"}"),
                FakeLlmServer.turn(FakeLlmServer.Turn.call("Reading page 2.", "get_page_content",
                        "{\"doc_name\": \"paper\", \"pages\": \"2\"}")),
                answer("Attention weighs the values by query-key similarity [[summaries/paper]]."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aConfiguredModelAnswersThroughTheToolLoopStreamingItsText(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        scriptAnswer();

        CliRun r = query(kb, "How", "does", "attention", "work?");

        assertEquals(0, r.code(), r.err());
        assertEquals("Reading page 2.\n\nAttention weighs the values by query-key similarity [[summaries/paper]].\n", r.out());
        assertEquals(3, llm.calls.size());
        for (Call c : llm.calls) {
            assertTrue(c.streamed(), "printed as it arrives");
            assertEquals(List.of("read_file", "get_page_content", "get_image", "search"), c.toolNames());
        }
        String first = llm.calls.get(0).body().path("messages").toString();
        assertTrue(first.contains("How does attention work?") && first.contains("Pages whose words match the question")
                && first.contains("summaries/paper.md"), first);
        assertTrue(log(kb).contains("] query | How does attention work?"), log(kb));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void jsonSaysModeLlmAndCitesThePagesTheModelRead(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        scriptAnswer();

        CliRun r = query(kb, "--format", "json", "How does attention work?");

        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("llm", j.path("mode").asText());
        assertEquals("Attention weighs the values by query-key similarity [[summaries/paper]].\n", j.path("answer").asText());
        List<String> pages = new ArrayList<>();
        j.path("sources").forEach(s -> pages.add(s.path("page").asText()));
        assertEquals(List.of("summaries/paper", "sources/paper"), pages);
        assertFalse(llm.calls.get(0).streamed(), "json waits for the whole answer: no stream needed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aQuestionNoPageMatchesStillGoesToTheModel(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(answer("The wiki does not cover zebras."));
        CliRun r = query(kb, "zebras?");
        assertEquals(0, r.code(), r.err());
        assertEquals("The wiki does not cover zebras.", r.out().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anUnapprovedEndpointIsRefusedAndNothingIsSentOrLogged(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        CliRun r = query(kb, "How does attention work?");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("Error: ENDPOINT_NOT_APPROVED: ") && r.err().contains("openkb trust --kb"), r.err());
        assertEquals(List.of(), llm.calls);
        assertFalse(log(kb).contains("query |"), log(kb));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aFailingModelEndsWithOneClearErrorNeverTheKeyAndLogsNothing(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(status(401, "{\"error\":{\"message\":\"bad key " + AgentKb.KEY + "\"}}", Map.of()));
        CliRun r = query(kb, "How does attention work?");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("Error: LLM_FAILED: ") && r.err().contains("check LLM_API_KEY"), r.err());
        assertFalse(r.out().contains(AgentKb.KEY) || r.err().contains(AgentKb.KEY));
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(log(kb).contains("query |"), log(kb));
    }
}
