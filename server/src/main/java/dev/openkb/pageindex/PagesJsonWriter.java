package dev.openkb.pageindex;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a long document's per-page JSON ({@code sources/<doc>.json}, reference 1.6) one page at a
 * time, so a book never sits in memory whole: an array of
 * {@code {"page": n, "content": "...", "images": [{"path": "sources/images/<doc>/p3_img7.png"}]}},
 * laid out like Python's {@code json.dumps(indent=2, ensure_ascii=False)}. Pages with neither content
 * nor images are left out, as OpenKB's normalisation does. Owned by one converter thread.
 */
public final class PagesJsonWriter implements AutoCloseable {
    private final JsonGenerator gen;
    private int written;

    public PagesJsonWriter(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        gen = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
        gen.setPrettyPrinter(new PythonIndentPrinter());
        gen.writeStartArray();
    }

    /** Appends one page unless it has neither text nor images; returns whether it was written. */
    public boolean page(int page, String content, List<String> imagePaths) throws IOException {
        if (content.isBlank() && imagePaths.isEmpty()) {
            return false;
        }
        gen.writeStartObject();
        gen.writeNumberField("page", page);
        gen.writeStringField("content", content);
        gen.writeArrayFieldStart("images");
        for (String path : imagePaths) {
            gen.writeStartObject();
            gen.writeStringField("path", path);
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        written++;
        return true;
    }

    /** Pages written so far. */
    public int written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (!gen.isClosed()) {
            gen.writeEndArray();
            gen.close();
        }
    }
}
