package dev.openkb.client.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.Results.QueryResult;
import dev.openkb.client.protocol.Results.QuerySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTextTest {
    private static final QuerySource PAPER = new QuerySource("summaries/paper", "A  paper\non attention", "paper.pdf", 2.5,
            "Attention\nweighs tokens.", null);

    @Test
    void theDocumentHasTheQuestionTheAnswerAndTheSourcesAsWikilinks() {
        String md = AnswerText.markdown(new QueryResult("What is\nattention?", "It weighs [[concepts/attention]].\n",
                "offline", List.of(PAPER), null));
        assertTrue(md.startsWith("# What is attention?\n\nIt weighs [[concepts/attention]].\n\n"), md);
        assertTrue(md.contains("offline: no model wrote this answer"), md);
        assertTrue(md.contains("1. [[summaries/paper]] — A paper on attention (paper.pdf)\n   > Attention weighs tokens.\n"), md);
    }

    @Test
    void anLlmAnswerIsNotLabelledOfflineAndASavedOneSaysWhere() {
        String md = AnswerText.markdown(new QueryResult("q", "a", "llm", List.of(), "wiki/explorations/q.md"));
        assertFalse(md.contains("offline"), md);
        assertFalse(md.contains("## Sources"), md);
        assertTrue(md.endsWith("Saved as `wiki/explorations/q.md`.\n"), md);
    }

    @Test
    void aSourceLabelIsItsTitleAndPage() {
        assertEquals("A paper on attention — summaries/paper", AnswerText.label(PAPER));
        assertEquals("concepts/x", AnswerText.label(new QuerySource("concepts/x", "", null, 0, "", null)));
    }
}
