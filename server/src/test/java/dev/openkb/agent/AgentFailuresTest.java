package dev.openkb.agent;

import static dev.openkb.testing.FakeLlmServer.answer;
import static dev.openkb.testing.FakeLlmServer.call;
import static dev.openkb.testing.FakeLlmServer.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.testing.FakeLlmServer;
import dev.openkb.testing.FakeLlmServer.BrokenStream;
import dev.openkb.testing.FakeLlmServer.Delayed;
import dev.openkb.testing.FakeLlmServer.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a model call can fail ends with one clear LLM_FAILED (or ENDPOINT_NOT_APPROVED)
 * message that names what went wrong and never the key, for both APIs, plain and streamed.
 */
class AgentFailuresTest {
    @TempDir
    Path dir;
    final FakeLlmServer llm = FakeLlmServer.start();


    @AfterEach
    void stop() {
        llm.close();
    }

    private AgentKb kb(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        return kb;
    }

    /** Runs one question; streamed or not. */
    private static AgentResult ask(AgentKb kb, boolean streamed) {
        List<String> chunks = new ArrayList<>();
        return new QueryAgent(kb.model(), kb.kb.wikiDir(), "en", null).answer("q", streamed ? chunks::add : null, CancelToken.none());
    }

    private static KbException fails(AgentKb kb, boolean streamed) {
        KbException e = assertThrows(KbException.class, () -> ask(kb, streamed));
        assertFalse(e.getMessage().contains(AgentKb.KEY), "the key is never printed: " + e.getMessage());
        return e;
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void aRefusedKeySaysCheckTheKeyAndNeverPrintsIt(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        llm.script(status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + AgentKb.KEY + "\"}}", Map.of()));
        KbException e = fails(kb, streamed);
        assertEquals(ErrorCode.LLM_FAILED, e.code());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("check LLM_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("***"), "the echoed key is masked: " + e.getMessage());
        assertEquals(1, llm.calls.size(), "a refused key is not retried");
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void rateLimitingWaitsAsRetryAfterSaysThenGoesOn(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        llm.script(status(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "7")), answer("done"));
        assertEquals("done", ask(kb, streamed).text());
        assertEquals(List.of(Duration.ofSeconds(7)), kb.sleeps);
        assertEquals(2, llm.calls.size());
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void aServerThatKeepsFailingIsGivenUpOnAfterFourAttempts(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        llm.otherwise(c -> status(500, "{\"error\":{\"message\":\"overloaded\"}}", Map.of()));
        KbException e = fails(kb, streamed);
        assertEquals(ErrorCode.LLM_FAILED, e.code());
        assertTrue(e.getMessage().contains("gave up after 4 attempts: HTTP 500: overloaded"), e.getMessage());
        assertEquals(4, llm.calls.size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), kb.sleeps);
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void aServerThatDoesNotAnswerInTimeIsAFailureNamingTheWait(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        kb.configure(provider.equals("anthropic") ? "anthropic/claude-test" : "gpt-test", llm.baseUrl(), Map.of("timeout", 0.3));
        llm.otherwise(c -> new Delayed(3_000, FakeLlmServer.answer("too late")));
        KbException e = fails(kb, streamed);
        assertTrue(e.getMessage().contains("no answer from 127.0.0.1:") && e.getMessage().contains("within 0.3 s"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aStreamThatStallsOrBreaksOffIsAFailureNotAHalfAnswer(String provider) throws IOException {
        AgentKb kb = kb(provider);
        kb.configure(provider.equals("anthropic") ? "anthropic/claude-test" : "gpt-test", llm.baseUrl(), Map.of("timeout", 0.5));
        llm.script(new BrokenStream(Turn.answer("a long answer that stops half way through"), 3_000));
        KbException stalled = fails(kb, true);
        assertTrue(stalled.getMessage().contains("stalled: no data within 0.5 s"), stalled.getMessage());

        llm.script(new BrokenStream(Turn.answer("a long answer that stops half way through"), 0));
        KbException broken = fails(kb, true);
        assertTrue(broken.getMessage().contains("the streamed answer ended before the model finished"), broken.getMessage());
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void aMalformedToolCallEndsTheRunSayingWhatWasWrong(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        llm.script(call("read_file", "{\"path\": \"index.md\""));
        KbException e = fails(kb, streamed);
        assertEquals(ErrorCode.LLM_FAILED, e.code());
        assertTrue(e.getMessage().contains("malformed call of read_file"), e.getMessage());

        llm.script(call("read_file", "{\"file\": \"index.md\"}"));
        assertTrue(fails(kb, streamed).getMessage().contains("malformed call of read_file: it has no 'path'"));

        llm.script(call("get_page_content", "{\"doc_name\": \"paper\", \"pages\": 3}"));
        assertTrue(fails(kb, streamed).getMessage().contains("'pages' is not a string"));
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void anUnknownToolEndsTheRunNamingTheToolsThereAre(String provider, boolean streamed) throws IOException {
        AgentKb kb = kb(provider);
        llm.script(call("write_file", "{\"path\": \"index.md\", \"content\": \"pwned\"}"));
        KbException e = fails(kb, streamed);
        assertEquals("LLM_FAILED: the model called a tool that does not exist: 'write_file'"
                + " (its tools: read_file, get_page_content, get_image)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aModelThatNeverStopsCallingToolsIsStoppedAtFiftyTurns(String provider) throws IOException {
        AgentKb kb = kb(provider);
        llm.otherwise(c -> FakeLlmServer.call("read_file", "{\"path\": \"index.md\"}"));
        KbException e = fails(kb, false);
        assertEquals("LLM_FAILED: the model gave no final answer within 50 turns (it kept calling tools); ask a narrower question",
                e.getMessage());
        assertEquals(ToolLoop.MAX_TURNS, llm.calls.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anUnapprovedEndpointGetsNothing(String provider) throws IOException {
        AgentKb kb = new AgentKb(dir, llm, provider);
        KbException e = assertThrows(KbException.class, kb::model);
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED, e.code());
        assertTrue(e.getMessage().contains("openkb trust --kb"), e.getMessage());
        assertEquals(List.of(), llm.calls);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anErrorEventMidStreamOrAnAnswerThatIsNotJsonIsReported(String provider) throws IOException {
        AgentKb kb = kb(provider);
        llm.script(new FakeLlmServer.Raw("text/event-stream", provider.equals("anthropic")
                ? "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"
                : "data: {\"error\":{\"message\":\"Overloaded\"}}\n\n"));
        assertTrue(fails(kb, true).getMessage().contains("the provider reported an error mid-stream: Overloaded"));

        llm.script(new FakeLlmServer.Raw("text/html", "<html>gateway</html>"));
        assertTrue(fails(kb, false).getMessage().contains("the answer is not valid JSON: <html>gateway</html>"));
    }
}
