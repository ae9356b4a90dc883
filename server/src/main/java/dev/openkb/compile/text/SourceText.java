package dev.openkb.compile.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.io.Reader;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A document's text from its published source: {@code sources/<doc>.md}, or the pages of
 * {@code sources/<doc>.json} (long docs; OpenKB's page shapes {@code content|markdown|text}) joined
 * by blank lines. The offline compiler reads a bounded {@linkplain #sample sample}: the whole text up
 * to {@link #SAMPLE_CHARS}, else its first {@code SAMPLE_CHARS} cut at a paragraph boundary, read
 * without ever holding more than that, so analysing a 50 MB document or a million-row table needs
 * the same bounded memory and time as a 1 MB one (the full text stays published in {@code sources/}).
 * Stateless.
 */
public final class SourceText {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most text the offline compiler analyses per document: about a book (170,000 words). */
    public static final int SAMPLE_CHARS = 1 << 20;

    private SourceText() {
    }

    /** The sample of a short document's staged or published {@code .md}, or of a long one's page JSON. */
    public static String sample(Path source, boolean longDoc) throws IOException {
        if (longDoc) {
            return sample(pages(source, SAMPLE_CHARS));
        }
        char[] buf = new char[8192];
        StringBuilder b = new StringBuilder();
        try (Reader in = new InputStreamReader(Files.newInputStream(source), StandardCharsets.UTF_8.newDecoder())) {
            for (int n; b.length() <= SAMPLE_CHARS && (n = in.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
        }
        return sample(b.toString());
    }

    /**
     * {@code text} itself when it has at most {@link #SAMPLE_CHARS} characters; else its first
     * {@code SAMPLE_CHARS} cut back to the last blank line, else the last line break, else the last
     * white space in their second half (so no paragraph, line or word is cut in two), else at the
     * limit (never between the halves of a surrogate pair). Depends only on the text's first
     * {@code SAMPLE_CHARS + 1} characters, so readers may stop there.
     */
    static String sample(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int half = SAMPLE_CHARS / 2;
        int cut = text.lastIndexOf("\n\n", SAMPLE_CHARS - 2);
        if (cut < half) {
            cut = text.lastIndexOf('\n', SAMPLE_CHARS - 1);
        }
        if (cut < half) {
            cut = SAMPLE_CHARS;
            while (cut > half && !Character.isWhitespace(text.charAt(cut - 1))) {
                cut--;
            }
            if (cut <= half) {
                cut = Character.isHighSurrogate(text.charAt(SAMPLE_CHARS - 1)) ? SAMPLE_CHARS - 1 : SAMPLE_CHARS;
            }
        }
        return text.substring(0, cut);
    }

    /** The {@linkplain #sample sample} of a document's published source, or null when it has none. */
    public static String readSample(KbLayout layout, String docName) throws IOException {
        Path md = layout.sourceMd(docName);
        if (Files.isRegularFile(md)) {
            return sample(md, false);
        }
        Path json = layout.sourceJson(docName);
        if (Files.isRegularFile(json)) {
            return sample(json, true);
        }
        return null;
    }

    /** The sample of a document's published source, failing with a clear error when it is missing. */
    public static String requireSample(KbLayout layout, String docName, boolean longDoc) throws IOException {
        Path p = longDoc ? layout.sourceJson(docName) : layout.sourceMd(docName);
        if (!Files.isRegularFile(p)) {
            throw new KbException(ErrorCode.NOT_FOUND, p, "the document's source is missing; publish it before compiling");
        }
        return sample(p, longDoc);
    }

    /** The whole text of a document's source (for the LLM compiler), failing with a clear error when it is missing. */
    public static String require(KbLayout layout, String docName, boolean longDoc) throws IOException {
        Path p = longDoc ? layout.sourceJson(docName) : layout.sourceMd(docName);
        if (!Files.isRegularFile(p)) {
            throw new KbException(ErrorCode.NOT_FOUND, p, "the document's source is missing; publish it before compiling");
        }
        return longDoc ? pages(p) : Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String pages(Path json) throws IOException {
        return pages(json, Integer.MAX_VALUE);
    }

    /**
     * The pages' texts joined, read as a stream of JSON tokens and stopped once more than
     * {@code stopAfter} characters are in hand (the rest of the file is then neither read nor
     * checked). A page is an object; its first non-blank text field of {@code content|markdown|text}
     * counts.
     */
    private static String pages(Path json, int stopAfter) throws IOException {
        StringBuilder b = new StringBuilder();
        try (JsonParser p = JSON.createParser(Files.newBufferedReader(json, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new KbException(ErrorCode.CORRUPT_STATE, json, "expected a JSON array of pages");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && b.length() <= stopAfter; t = p.nextToken()) {
                if (t == null) {
                    throw new KbException(ErrorCode.CORRUPT_STATE, json, "not valid JSON: the array of pages is not closed");
                }
                JsonNode page = p.readValueAsTree();
                for (String key : new String[] {"content", "markdown", "text"}) {
                    JsonNode v = page == null ? null : page.get(key);
                    if (v != null && v.isTextual() && !v.asText().isBlank()) {
                        b.append(v.asText()).append("\n\n");
                        break;
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KbException(ErrorCode.CORRUPT_STATE, json, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return b.toString();
    }
}
