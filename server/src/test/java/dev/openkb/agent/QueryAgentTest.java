package dev.openkb.agent;

import static dev.openkb.testing.FakeLlmServer.call;
import static dev.openkb.testing.FakeLlmServer.answer;
import static dev.openkb.testing.FakeLlmServer.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.testing.FakeLlmServer;
import dev.openkb.testing.FakeLlmServer.Call;
import dev.openkb.testing.FakeLlmServer.ToolUse;
import dev.openkb.testing.FakeLlmServer.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query agent end to end against a local provider speaking both APIs, plain and streamed: the
 * scripted tool calls run against a real wiki, their results go back to the model, the answer and
 * the pages read come out, and no tool reaches outside {@code wiki/}.
 */
class QueryAgentTest {
    @TempDir
    Path dir;
    final FakeLlmServer llm = FakeLlmServer.start();


    @AfterEach
    void stop() {
        llm.close();
    }

    private static WikiSearch search() {
        return (q, limit) -> List.of(new SearchHit("summaries/paper.md", "Paper", "Attention is all you need."));
    }

    @ParameterizedTest(name = "{0}, streamed={1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true"})
    void aScriptedToolLoopReadsTheWikiAndAnswersCitingThePagesItRead(String provider, boolean streamed) throws Exception {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(
                turn(Turn.call("Reading the index. ", "read_file", "{\"path\": \"index.md\"}")),
                turn(Turn.calls("Now pages 2-3 and the figure. ",
                        new ToolUse("get_page_content", "{\"doc_name\": \"paper\", \"pages\": \"2-3,9\"}"),
                        new ToolUse("get_image", "{\"path\": \"sources/images/paper/p2_img1.png\"}"))),
                call("search", "{\"query\": \"attention\"}"),
                answer("L'attention pondère les valeurs [[summaries/paper]]."));
        List<String> chunks = new ArrayList<>();
        Consumer<String> onText = streamed ? chunks::add : null;

        AgentResult r = new QueryAgent(kb.model(), kb.kb.wikiDir(), kb.config().language(), search())
                .answer("How does attention work?", onText, CancelToken.none());

        assertEquals("L'attention pondère les valeurs [[summaries/paper]].", r.text());
        assertEquals(List.of("index.md", "sources/paper.json", "sources/images/paper/p2_img1.png"), r.pagesRead());
        assertEquals(4, r.turns());
        assertEquals(4, llm.calls.size());
        for (Call c : llm.calls) {
            assertEquals(provider.equals("anthropic"), c.anthropic());
            assertEquals(streamed, c.streamed());
            assertEquals(List.of("read_file", "get_page_content", "get_image", "search"), c.toolNames());
            assertTrue(c.system().contains("Write your answer in fr language."), c.system());
            assertTrue(c.system().contains(AgentKb.SCHEMA), "the wiki schema (AGENTS.md) is in the instructions");
        }
        if (provider.equals("anthropic")) {
            assertEquals(AgentKb.KEY, llm.calls.get(0).header("x-api-key"));
        } else {
            assertEquals("Bearer " + AgentKb.KEY, llm.calls.get(0).header("Authorization"));
        }
        List<String> results = llm.calls.get(3).toolResults();
        assertEquals(4, results.size(), results.toString());
        assertTrue(results.get(0).contains("[[summaries/paper]] (pageindex)"), results.get(0));
        assertEquals("[Page 2]\nScaled dot-product attention\n[Images: sources/images/paper/p2_img1.png]\n\n[Page 3]\nMulti-head\n\n",
                results.get(1));
        assertTrue(results.get(2).startsWith("Image sources/images/paper/p2_img1.png"), results.get(2));
        assertTrue(results.get(3).startsWith("summaries/paper.md — Paper"), results.get(3));
        String image = llm.calls.get(2).body().toString();
        assertTrue(image.contains(java.util.Base64.getEncoder().encodeToString(AgentKb.PNG)), "the image itself went to the model");
        if (streamed) {
            assertTrue(chunks.size() > 3, "the text arrived in pieces: " + chunks);
            assertEquals("Reading the index. \n\nNow pages 2-3 and the figure. \n\nL'attention pondère les valeurs [[summaries/paper]].",
                    String.join("", chunks));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void noToolReachesOutsideTheWiki(String provider) throws Exception {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        Files.createSymbolicLink(kb.kb.wikiDir().resolve("concepts-link.md"), dir.resolve("outside.md"));
        Files.createSymbolicLink(kb.kb.wikiDir().resolve("linked"), dir);
        llm.script(
                turn(Turn.calls("",
                        new ToolUse("read_file", "{\"path\": \"../.env.secret\"}"),
                        new ToolUse("read_file", "{\"path\": \"" + dir.resolve("outside.md") + "\"}"),
                        new ToolUse("read_file", "{\"path\": \"concepts-link.md\"}"),
                        new ToolUse("read_file", "{\"path\": \"linked/outside.md\"}"),
                        new ToolUse("get_page_content", "{\"doc_name\": \"../../outside\", \"pages\": \"1\"}"),
                        new ToolUse("get_image", "{\"path\": \"../../outside.png\"}"),
                        new ToolUse("read_file", "{\"path\": \"summaries/missing.md\"}"))),
                answer("I could not read those."));

        AgentResult r = new QueryAgent(kb.model(), kb.kb.wikiDir(), "en", null).answer("leak", null, CancelToken.none());

        assertEquals("I could not read those.", r.text());
        assertEquals(List.of(), r.pagesRead());
        String denied = "Access denied: path escapes wiki root.";
        assertEquals(List.of(denied, denied, denied, denied, denied, denied, "File not found: summaries/missing.md"),
                llm.calls.get(1).toolResults());
        for (Call c : llm.calls) {
            assertFalse(c.body().toString().contains(AgentKb.SECRET), "nothing outside wiki/ reached the model");
            assertEquals(List.of("read_file", "get_page_content", "get_image"), c.toolNames(), "no index: no search tool");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void aServerThatIgnoresTheStreamRequestIsAnsweredAllTheSame(String provider) throws Exception {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(new FakeLlmServer.Unstreamed(Turn.call("Looking.", "read_file", "{\"path\": \"index.md\"}")),
                new FakeLlmServer.Unstreamed(Turn.answer("Found it.")));
        List<String> chunks = new ArrayList<>();
        AgentResult r = new QueryAgent(kb.model(), kb.kb.wikiDir(), "en", null).answer("q", chunks::add, CancelToken.none());
        assertEquals("Found it.", r.text());
        assertEquals(List.of("Looking.", "\n\n", "Found it."), chunks);
        assertTrue(llm.calls.get(0).streamed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"openai", "anthropic"})
    void anAnswerCutAtTheTokenLimitSaysSo(String provider) throws Exception {
        AgentKb kb = new AgentKb(dir, llm, provider);
        kb.approve(llm.baseUrl());
        llm.script(turn(new Turn("Attention is", List.of(), true)));
        AgentResult r = new QueryAgent(kb.model(), kb.kb.wikiDir(), "en", null).answer("q", null, CancelToken.none());
        assertEquals("Attention is" + ToolLoop.CUT_OFF, r.text());
    }
}
