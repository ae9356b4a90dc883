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
 * @param analysis        what {@link WikiCompiler#analyze} made of the document at prepare time, or null
 *                        (the compiler then analyses the published source itself)
 */
public record CompileRequest(KbLayout layout, KbConfig config, String docName, DocKind kind, String title,
                             String docDescription, DocAnalysis analysis) {
    /** A request with no prepared analysis (recompile, tests). */
    public CompileRequest(KbLayout layout, KbConfig config, String docName, DocKind kind, String title, String docDescription) {
        this(layout, config, docName, kind, title, docDescription, null);
    }

    /** The title to show: {@link #title}, or the doc name when there is none. */
    public String displayTitle() {
        return title == null || title.isBlank() ? docName : title.strip();
    }
}
