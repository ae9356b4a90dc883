package dev.openkb.compile;

import dev.openkb.convert.DocKind;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;

/**
 * One document to compile.
 *
 * @param layout          the KB
 * @param config          its configuration (model, language, entity types...)
 * @param docName         the document's wiki name ({@code summaries/<docName>.md})
 * @param kind            SHORT (source {@code sources/<doc>.md}) or LONG_PDF (source
 *                        {@code sources/<doc>.json} and an existing tree summary page)
 * @param title           a human title (may be null: the doc name is used)
 * @param docDescription  long docs: the tree index's document description; otherwise null
 */
public record CompileRequest(KbLayout layout, KbConfig config, String docName, DocKind kind, String title,
                             String docDescription) {
    /** The title to show: {@link #title}, or the doc name when there is none. */
    public String displayTitle() {
        return title == null || title.isBlank() ? docName : title.strip();
    }
}
