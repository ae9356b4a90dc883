package dev.openkb.convert;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every short-document converter shares: the result record it returns, the title fallback
 * and the failure it throws. Stateless.
 */
final class ShortDocs {
    private ShortDocs() {
    }

    /** The type named in messages: the extension without its dot, lower-cased ("docx"). */
    static String type(Path source) {
        String ext = SupportedTypes.lowerExtension(source);
        return ext.isEmpty() ? "file" : ext.substring(1);
    }

    /**
     * The staged result of a short document: registry type is the suffix with its case kept
     * ("DOCX" for REPORT.DOCX), as OpenKB records it.
     */
    static ConvertedDoc result(ConvertRequest r, String title, List<Path> images, int pageCount) {
        String ext = StagedFiles.extension(r.source());
        return new ConvertedDoc(r.docName(), ext.isEmpty() ? "" : ext.substring(1), DocKind.SHORT,
                StagedFiles.rawPath(r), StagedFiles.sourceMd(r), images, pageCount, title(title, r.source()));
    }

    /** The candidate on one line and trimmed, or the file stem when there is none. */
    static String title(String candidate, Path source) {
        if (candidate != null) {
            String oneLine = candidate.replaceAll("\\s+", " ").strip();
            if (!oneLine.isEmpty()) {
                return oneLine;
            }
        }
        return StagedFiles.stem(source);
    }

    /** CONVERSION_FAILED for this file, the reason prefixed with its type ("docx: ..."). */
    static KbException failure(Path source, String reason) {
        return failure(source, reason, null);
    }

    static KbException failure(Path source, String reason, Throwable cause) {
        return new KbException(ErrorCode.CONVERSION_FAILED, source, type(source) + ": " + reason, cause);
    }

    /** A library exception as a short reason: the first line of its message, else its class name. */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String first = msg.strip().lines().findFirst().orElse("").strip();
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
