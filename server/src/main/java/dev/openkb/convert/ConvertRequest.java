package dev.openkb.convert;

import dev.openkb.engine.CancelToken;
import java.nio.file.Path;

/**
 * One file to convert into a private staging folder.
 *
 * @param source             the user's file (read only; anywhere the user can read)
 * @param docName            the resolved wiki name ("Scheme A"), already reserved by the caller
 * @param stagingDir         an empty private folder that mirrors the KB layout; the converter writes
 *                           only below it ({@code raw/}, {@code wiki/sources/...}) and never the live KB
 * @param pageindexThreshold PDFs with at least this many pages are long documents
 * @param cancel             checked between pages/sections; cancellation throws {@code CANCELLED}
 */
public record ConvertRequest(Path source, String docName, Path stagingDir, int pageindexThreshold,
                             CancelToken cancel) {
}
