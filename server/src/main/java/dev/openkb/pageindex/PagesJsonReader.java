package dev.openkb.pageindex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a per-page JSON file back page by page. Accepts the shapes OpenKB's normaliser accepts
 * ({@code page|page_number|page_num}, {@code content|markdown|text}, images as {@code {"path": ...}}
 * objects or plain strings) and skips pages with neither content nor images. Stateless.
 */
public final class PagesJsonReader {
    /** Receives pages in file order. */
    public interface PageConsumer {
        void accept(PageEntry page) throws IOException;
    }

    private PagesJsonReader() {
    }

    /** Reads {@code file}; malformed JSON fails with the parser's {@code IOException}. */
    public static void read(Path file, PageConsumer consumer) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            read(p, file.toString(), consumer);
        }
    }

    /** As {@link #read(Path, PageConsumer)}, from bytes already read (the search index reads files without following links). */
    public static void read(byte[] json, String name, PageConsumer consumer) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            read(p, name, consumer);
        }
    }

    private static void read(JsonParser p, String file, PageConsumer consumer) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("per-page JSON must be an array: " + file);
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            PageEntry page = readPage(p);
            if (page.page() > 0 && (!page.content().isBlank() || !page.images().isEmpty())) {
                consumer.accept(page);
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("per-page JSON holds a non-object entry: " + file);
        }
    }

    private static PageEntry readPage(JsonParser p) throws IOException {
        int page = 0;
        String content = "";
        List<String> images = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "page", "page_number", "page_num" ->
                        page = value.isNumeric() ? p.getIntValue() : parseInt(p.getText());
                case "content", "markdown", "text" -> content = value == JsonToken.VALUE_STRING ? p.getText() : content;
                case "images" -> readImages(p, images);
                default -> p.skipChildren();
            }
        }
        return new PageEntry(page, content, images);
    }

    private static void readImages(JsonParser p, List<String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                into.add(p.getText());
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("path".equals(field) && p.currentToken() == JsonToken.VALUE_STRING) {
                        into.add(p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
