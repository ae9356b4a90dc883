package dev.openkb.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The model's plan of pages for one document, read as OpenKB reads it: {@code {"concepts": {...},
 * "entities": {...}}} with {@code create}/{@code update} lists of {@code {name, title[, type]}} and
 * {@code related} slug lists; also the legacy flat {@code {create, update, related}} and a bare list
 * (all "create"). Items without a name are dropped with a warning, a missing title is the name, an
 * entity type outside the configured set is "other".
 */
record CompilePlan(Group concepts, Group entities) {
    record Item(String name, String title, String type) {
    }

    record Group(List<Item> create, List<Item> update, List<String> related) {
        static final Group EMPTY = new Group(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return create.isEmpty() && update.isEmpty() && related.isEmpty();
        }
    }

    boolean isEmpty() {
        return concepts.isEmpty() && entities.isEmpty();
    }

    /** The plan in {@code answer}, or empty when it is not a usable JSON object or list. */
    static Optional<CompilePlan> parse(String answer, List<String> entityTypes, Consumer<String> warnings) {
        Optional<JsonNode> parsed = AnswerJson.parse(answer);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = parsed.get();
        if (n.isArray()) {
            return Optional.of(new CompilePlan(new Group(items(n, "create", null, warnings), List.of(), List.of()), Group.EMPTY));
        }
        JsonNode concepts = n.path("concepts").isObject() ? n.path("concepts") : n;
        JsonNode entities = n.path("entities");
        return Optional.of(new CompilePlan(group(concepts, null, warnings),
                entities.isObject() ? group(entities, entityTypes, warnings) : Group.EMPTY));
    }

    private static Group group(JsonNode g, List<String> types, Consumer<String> warnings) {
        return new Group(items(g.path("create"), "create", types, warnings), items(g.path("update"), "update", types, warnings),
                related(g.path("related"), warnings));
    }

    private static List<Item> items(JsonNode list, String label, List<String> types, Consumer<String> warnings) {
        List<Item> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            warnings.accept("plan: '" + label + "' is not a list; ignored");
            return out;
        }
        int dropped = 0;
        for (JsonNode it : list) {
            String name = it.isObject() ? AnswerJson.text(it, "name").strip() : "";
            if (name.isEmpty()) {
                dropped++;
                continue;
            }
            String title = AnswerJson.text(it, "title").strip();
            String type = null;
            if (types != null) {
                type = AnswerJson.text(it, "type").strip().toLowerCase(Locale.ROOT);
                type = types.contains(type) ? type : "other";
            }
            out.add(new Item(name, title.isEmpty() ? name : title, type));
        }
        if (dropped > 0) {
            warnings.accept("plan: dropped " + dropped + " '" + label + "' item(s) without a name");
        }
        return out;
    }

    private static List<String> related(JsonNode list, Consumer<String> warnings) {
        List<String> out = new ArrayList<>();
        if (!list.isArray()) {
            return out;
        }
        for (JsonNode s : list) {
            if (s.isTextual() && !s.asText().isBlank()) {
                out.add(s.asText().strip());
            } else {
                warnings.accept("plan: dropped a 'related' item that is not a name");
            }
        }
        return out;
    }
}
