package dev.openkb.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document's full text from its published source: {@code sources/<doc>.md}, or the pages of
 * {@code sources/<doc>.json} (long docs; OpenKB's page shapes {@code content|markdown|text}) joined
 * by blank lines. Stateless.
 */
final class SourceText {
    private SourceText() {
    }

    /** The text, or null when the document has no source file. */
    static String read(KbLayout layout, String docName) throws IOException {
        Path md = layout.sourceMd(docName);
        if (Files.isRegularFile(md)) {
            return Files.readString(md, StandardCharsets.UTF_8);
        }
        Path json = layout.sourceJson(docName);
        if (Files.isRegularFile(json)) {
            return pages(json);
        }
        return null;
    }

    /** As {@link #read}, failing with a clear error when the source is missing. */
    static String require(KbLayout layout, String docName, boolean longDoc) throws IOException {
        Path p = longDoc ? layout.sourceJson(docName) : layout.sourceMd(docName);
        if (!Files.isRegularFile(p)) {
            throw new KbException(ErrorCode.NOT_FOUND, p, "the document's source is missing; publish it before compiling");
        }
        return longDoc ? pages(p) : Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String pages(Path json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, json, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new KbException(ErrorCode.CORRUPT_STATE, json, "expected a JSON array of pages");
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode page : root) {
            for (String key : new String[] {"content", "markdown", "text"}) {
                JsonNode v = page.get(key);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    b.append(v.asText()).append("\n\n");
                    break;
                }
            }
        }
        return b.toString();
    }
}
