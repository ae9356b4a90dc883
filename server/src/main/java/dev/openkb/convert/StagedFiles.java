package dev.openkb.convert;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a converter puts things inside its staging folder, mirroring the KB layout so the commit can
 * publish each file to the same relative path. Staging is private to one prepare, so plain (non
 * atomic) writes are fine here: nothing in staging is visible to the KB until it is published.
 * Stateless.
 */
public final class StagedFiles {
    private StagedFiles() {
    }

    /** staging/raw/&lt;doc&gt;&lt;ext lower-cased&gt;, as OpenKB names raw copies. */
    public static Path rawPath(ConvertRequest r) {
        return r.stagingDir().resolve("raw").resolve(r.docName() + extension(r.source()).toLowerCase(Locale.ROOT));
    }

    /** staging/wiki/sources/&lt;doc&gt;.md */
    public static Path sourceMd(ConvertRequest r) {
        return r.stagingDir().resolve("wiki/sources").resolve(r.docName() + ".md");
    }

    /** staging/wiki/sources/&lt;doc&gt;.json */
    public static Path sourceJson(ConvertRequest r) {
        return r.stagingDir().resolve("wiki/sources").resolve(r.docName() + ".json");
    }

    /** staging/wiki/sources/images/&lt;doc&gt;/ (not created). */
    public static Path imagesDir(ConvertRequest r) {
        return r.stagingDir().resolve("wiki/sources/images").resolve(r.docName());
    }

    /** The wiki-root-relative link an image gets in markdown: sources/images/&lt;doc&gt;/&lt;file&gt;. */
    public static String imageLink(ConvertRequest r, String fileName) {
        return "sources/images/" + r.docName() + "/" + fileName;
    }

    /** Streams the source into staging/raw; refuses an empty source, which no converter can use. */
    public static Path copyRaw(ConvertRequest r) throws IOException {
        Path src = r.source();
        if (!Files.isRegularFile(src)) {
            throw new KbException(ErrorCode.NOT_FOUND, src, "not a readable file");
        }
        if (Files.size(src) == 0) {
            throw new KbException(ErrorCode.CONVERSION_FAILED, src, "empty file (0 bytes): nothing to convert");
        }
        Path dest = rawPath(r);
        Files.createDirectories(dest.getParent());
        try (InputStream in = Files.newInputStream(src); OutputStream out = Files.newOutputStream(dest)) {
            in.transferTo(out);
        }
        return dest;
    }

    /** Opens staging/wiki/sources/&lt;doc&gt;.md for streaming UTF-8 output. */
    public static BufferedWriter openSourceMd(ConvertRequest r) throws IOException {
        Path p = sourceMd(r);
        Files.createDirectories(p.getParent());
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    /** The suffix with its dot as given (".PDF"), or "" when the name has none. */
    public static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }

    /** The file name without its last suffix ("report.final.pdf" → "report.final"). */
    public static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
