package dev.openkb.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code openkb chat} session, as OpenKB stores it in {@code .openkb/chats/<id>.json}: its id
 * ({@code YYYYMMDD-HHMMSS-xyz}), UTC timestamps ({@code 2026-12-07T20:31:05Z}), the model and language,
 * a title (the first question, at most 60 characters), the turn count, the model-facing {@code history}
 * (kept as read, so a session OpenKB wrote keeps its agent history when resumed here), and the questions and
 * answers as plain strings. Immutable: a turn makes a new session.
 */
public record ChatSession(String id, String createdAt, String updatedAt, String model, String language, String title,
        int turnCount, List<Object> history, List<String> userTurns, List<String> assistantTexts) {
    /** The longest title; longer first questions are cut with an ellipsis, as OpenKB does. */
    public static final int TITLE_CHARS = 60;

    public ChatSession {
        history = List.copyOf(history);
        userTurns = List.copyOf(userTurns);
        assistantTexts = List.copyOf(assistantTexts);
    }

    public static ChatSession start(String id, String now, String model, String language) {
        return new ChatSession(id, now, now, model, language, "", 0, List.of(), List.of(), List.of());
    }

    /** This session with one more question and its answer, at {@code now}. */
    public ChatSession withTurn(String question, String answer, String now) {
        List<Object> h = new ArrayList<>(history);
        h.add(message("user", question));
        h.add(message("assistant", answer));
        List<String> u = new ArrayList<>(userTurns);
        u.add(question);
        List<String> a = new ArrayList<>(assistantTexts);
        a.add(answer);
        return new ChatSession(id, createdAt, now, model, language, title.isEmpty() ? titleOf(question) : title, u.size(), h, u, a);
    }

    /** The fields in OpenKB's order. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("created_at", createdAt);
        m.put("updated_at", updatedAt);
        m.put("model", model);
        m.put("language", language);
        m.put("title", title);
        m.put("turn_count", turnCount);
        m.put("history", history);
        m.put("user_turns", userTurns);
        m.put("assistant_texts", assistantTexts);
        return m;
    }

    static String titleOf(String question) {
        String t = question.strip().replaceAll("\\s+", " ");
        return t.length() <= TITLE_CHARS ? t : t.substring(0, TITLE_CHARS - 1) + "…";
    }

    /** A message the way the agent SDK OpenKB uses takes it as input ({@code {"role", "content"}}). */
    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
