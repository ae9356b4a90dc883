package dev.openkb.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatTranscriptTest {
    private static final ChatSession TWO_TURNS = ChatSession.start("20261207-203105-k2p", "2026-12-07T20:31:05Z", "offline", "en")
            .withTurn("What is \"attention\"?\n", "It weighs tokens; see [[concepts/attention]] and [[concepts/ghost]].", "2026-12-07T20:31:09Z")
            .withTurn("And then?", "", "2026-12-07T20:32:00Z");

    @Test
    void theFileIsNamedAfterTheNameElseTheTitleWithTheSessionsDate() {
        assertEquals("river-notes-20261207.md", ChatTranscript.fileName(TWO_TURNS, "River notes!"));
        assertEquals("what-is-attention-20261207.md", ChatTranscript.fileName(TWO_TURNS, null));
        assertEquals("20261207-203105-k2p-20261207.md", ChatTranscript.fileName(TWO_TURNS, "???"), "no slug: the id");
        assertEquals("etc-20261207.md", ChatTranscript.fileName(TWO_TURNS, "../etc"), "never a path");
        assertEquals(60, ChatTranscript.slug("x".repeat(100)).length());
    }

    @Test
    void theTextIsOpenKbsLayoutWithQuotedFrontMatterAndGhostLinksMadePlain() {
        assertEquals("""
                ---
                session: "20261207-203105-k2p"
                model: "offline"
                created: "2026-12-07T20:31:05Z"
                ---

                # Chat transcript — What is "attention"?

                ## [1] What is "attention"?

                It weighs tokens; see [[concepts/attention]] and ghost.

                ## [2] And then?

                _(no response recorded)_

                """, ChatTranscript.text(TWO_TURNS, Set.of("concepts/attention")));
    }
}
