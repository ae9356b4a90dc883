package dev.openkb.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatStoreTest {
    @TempDir
    Path dir;

    private KbLayout kb() throws Exception {
        Path root = dir.resolve("kb");
        Files.createDirectories(root.resolve(".openkb"));
        return new KbLayout(root);
    }

    private static ChatStore store(KbLayout kb, String instant) {
        return new ChatStore(kb, new AtomicFiles(new RealFileOps()), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), new Random(7));
    }

    /** A session file as OpenKB's Python writes it (agent-SDK history items included). */
    private static final String OPENKB_SESSION = """
            {
              "id": "20260701-101500-abc",
              "created_at": "2026-07-01T10:15:00Z",
              "updated_at": "2026-07-01T10:16:40Z",
              "model": "gpt-5.4",
              "language": "de",
              "title": "Wie funktioniert Attention?",
              "turn_count": 1,
              "history": [
                {"role": "user", "content": "Wie funktioniert Attention?"},
                {"id": "msg_1", "type": "message", "role": "assistant", "status": "completed",
                 "content": [{"type": "output_text", "text": "Sie gewichtet Tokens.", "annotations": []}]}
              ],
              "user_turns": ["Wie funktioniert Attention?"],
              "assistant_texts": ["Sie gewichtet Tokens."]
            }
            """;

    @Test
    void aSessionIsSavedInOpenKbsFormatAndLoadsBack() throws Exception {
        KbLayout kb = kb();
        ChatStore store = store(kb, "2026-12-07T20:31:05Z");
        ChatSession s = store.create("offline", "en");
        assertTrue(s.id().matches("20261207-203105-[a-z0-9]{3}"), s.id());
        ChatSession one = s.withTurn("  What is   attention?\n", "It weighs tokens.", "2026-12-07T20:31:09Z");
        store.save(one);

        Path file = kb.openkbDir().resolve("chats").resolve(s.id() + ".json");
        Map<String, Object> json = PythonJson.parseObject(Files.readString(file));
        assertEquals(List.of("id", "created_at", "updated_at", "model", "language", "title", "turn_count", "history",
                "user_turns", "assistant_texts"), List.copyOf(json.keySet()));
        assertEquals("2026-12-07T20:31:05Z", json.get("created_at"));
        assertEquals("2026-12-07T20:31:09Z", json.get("updated_at"));
        assertEquals("What is attention?", json.get("title"));
        assertEquals(1, json.get("turn_count"));
        assertEquals(List.of(Map.of("role", "user", "content", "  What is   attention?\n"),
                Map.of("role", "assistant", "content", "It weighs tokens.")), json.get("history"));
        assertEquals(one, store.load(s.id()));
    }

    @Test
    void aSessionOpenKbWroteResumesWithItsHistoryKept() throws Exception {
        KbLayout kb = kb();
        Files.createDirectories(kb.openkbDir().resolve("chats"));
        Files.writeString(kb.openkbDir().resolve("chats/20260701-101500-abc.json"), OPENKB_SESSION);
        ChatStore store = store(kb, "2026-12-07T20:31:05Z");
        ChatSession s = store.load("20260701-101500-abc");
        assertEquals("de", s.language());
        assertEquals(List.of("Wie funktioniert Attention?"), s.userTurns());
        ChatSession two = s.withTurn("Und Transformer?", "Stapeln Attention.", store.now());
        store.save(two);
        ChatSession back = store.load("20260701-101500-abc");
        assertEquals(4, back.history().size());
        assertEquals(s.history().get(1), back.history().get(1), "OpenKB's assistant item is kept as it was");
        assertEquals("Wie funktioniert Attention?", back.title(), "the title stays the first question");
        assertEquals(2, back.turnCount());
    }

    @Test
    void listIsNewestFirstAndLeavesOutWhatIsNotASession() throws Exception {
        KbLayout kb = kb();
        Path chats = Files.createDirectories(kb.openkbDir().resolve("chats"));
        ChatStore early = store(kb, "2026-12-01T08:00:00Z");
        ChatStore late = store(kb, "2026-12-07T08:00:00Z");
        ChatSession a = early.create("offline", "en").withTurn("first?", "a", "2026-12-01T08:00:01Z");
        ChatSession b = late.create("offline", "en").withTurn("second?", "b", "2026-12-07T08:00:01Z");
        early.save(a);
        late.save(b);
        Files.writeString(chats.resolve("garbage.json"), "not json");
        Files.writeString(chats.resolve("array.json"), "[1, 2]");
        Files.writeString(chats.resolve("wrong-types.json"), "{\"user_turns\": [1]}");
        Files.writeString(chats.resolve("..hidden.json"), "{}");
        Path outside = Files.writeString(dir.resolve("outside.json"), OPENKB_SESSION);
        Files.createSymbolicLink(chats.resolve("20991231-000000-zzz.json"), outside);

        List<ChatStore.Entry> list = late.list();
        assertEquals(List.of(b.id(), a.id()), list.stream().map(ChatStore.Entry::id).toList());
        assertEquals(new ChatStore.Entry(b.id(), "second?", 1, "2026-12-07T08:00:01Z", "offline"), list.get(0));
    }

    @Test
    void resumeFindsTheNewestAnExactIdOrAUniquePrefix() throws Exception {
        KbLayout kb = kb();
        ChatStore store = store(kb, "2026-12-07T08:00:00Z");
        assertEquals(Optional.empty(), store.resolve(null), "no sessions yet");
        ChatSession a = store(kb, "2026-12-01T08:00:00Z").create("offline", "en");
        ChatSession b = store(kb, "2026-12-02T08:00:00Z").create("offline", "en");
        ChatSession c = store(kb, "2026-12-02T09:00:00Z").create("offline", "en");
        for (ChatSession s : List.of(a, b, c)) {
            store.save(s);
        }
        assertEquals(Optional.of(c.id()), store.resolve(null));
        assertEquals(Optional.of(a.id()), store.resolve(a.id()));
        assertEquals(Optional.of(a.id()), store.resolve("20261201"));
        assertEquals(Optional.empty(), store.resolve("1999"));
        KbException ambiguous = assertThrows(KbException.class, () -> store.resolve("20261202"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, ambiguous.code());
        assertTrue(ambiguous.getMessage().contains(b.id()) && ambiguous.getMessage().contains(c.id()), ambiguous.getMessage());
    }

    @Test
    void idsThatAreNotPlainNamesAreRefusedBeforeAnyFileIsTouched() throws Exception {
        KbLayout kb = kb();
        ChatStore store = store(kb, "2026-12-07T08:00:00Z");
        Path victim = Files.writeString(kb.openkbDir().resolve("config.yaml"), "model: offline\n");
        for (String id : new String[] {"../config", "..", "a/b", "/etc/passwd", "", "-rf", "a\0b", "x".repeat(101)}) {
            KbException e = assertThrows(KbException.class, () -> store.delete(id), id);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertThrows(KbException.class, () -> store.load(id), id);
        }
        assertTrue(Files.exists(victim));
    }

    @Test
    void aSymlinkedChatsFolderIsNeitherReadNorWrittenThrough() throws Exception {
        KbLayout kb = kb();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("20260701-101500-abc.json"), OPENKB_SESSION);
        Files.createSymbolicLink(kb.openkbDir().resolve("chats"), elsewhere);
        ChatStore store = store(kb, "2026-12-07T08:00:00Z");

        assertEquals(ErrorCode.PATH_OUTSIDE_KB, assertThrows(KbException.class, store::list).code());
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, assertThrows(KbException.class, () -> store.load("20260701-101500-abc")).code());
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, assertThrows(KbException.class, () -> store.delete("20260701-101500-abc")).code());
        ChatSession s = store.create("offline", "en");
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, assertThrows(KbException.class, () -> store.save(s)).code());
        assertEquals(List.of("20260701-101500-abc.json"), List.of(elsewhere.toFile().list()), "nothing written or deleted there");
    }

    @Test
    void aSessionFileThatIsASymlinkIsNotReadAndDeletingRemovesTheLinkOnly() throws Exception {
        KbLayout kb = kb();
        Path chats = Files.createDirectories(kb.openkbDir().resolve("chats"));
        Path outside = Files.writeString(dir.resolve("outside.json"), OPENKB_SESSION);
        Files.createSymbolicLink(chats.resolve("20260701-101500-abc.json"), outside);
        ChatStore store = store(kb, "2026-12-07T08:00:00Z");

        KbException e = assertThrows(KbException.class, () -> store.load("20260701-101500-abc"));
        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertTrue(store.delete("20260701-101500-abc"));
        assertFalse(Files.exists(chats.resolve("20260701-101500-abc.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(OPENKB_SESSION, Files.readString(outside, StandardCharsets.UTF_8));
        assertFalse(store.delete("20260701-101500-abc"), "a second delete finds nothing");
    }

    @Test
    void garbageOrAnOversizedFileIsCorruptStateNamingTheFile() throws Exception {
        KbLayout kb = kb();
        Path chats = Files.createDirectories(kb.openkbDir().resolve("chats"));
        Files.writeString(chats.resolve("bad.json"), "{\"history\": 3}");
        ChatStore store = store(kb, "2026-12-07T08:00:00Z");
        KbException e = assertThrows(KbException.class, () -> store.load("bad"));
        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertEquals(chats.resolve("bad.json"), e.path());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(KbException.class, () -> store.load("missing")).code());
    }
}
