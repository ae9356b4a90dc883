package dev.openkb.add;

import dev.openkb.compile.CompileRequest;
import dev.openkb.compile.CompileResult;
import dev.openkb.compile.DocAnalysis;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.convert.ConvertedDoc;
import dev.openkb.convert.DocKind;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.pageindex.IndexResult;
import dev.openkb.pageindex.LongDocIndexer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The middle of an add's commit: the long-document index for long PDFs (its {@code doc_id} goes to
 * the registry), then the compiler. Runs on the mutation thread inside the file's transaction. It
 * lives beside {@link DocumentCommit}, so one commit's body (publish, index, compile, registry, log)
 * is read in one package; tests plug in their own {@link DocumentCommitter}.
 */
public final class StandardCommitter implements DocumentCommitter {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StandardCommitter.class.getName());
    private final KbLayout layout;
    private final KbConfig config;
    private final WikiCompiler compiler;
    private final Consumer<String> warnings;
    private final LongDocIndexer indexer = new LongDocIndexer();

    public StandardCommitter(KbLayout layout, KbConfig config, WikiCompiler compiler, Consumer<String> warnings) {
        this.layout = layout;
        this.config = config;
        this.compiler = compiler;
        this.warnings = warnings;
    }

    /** The compiler's per-document analysis, on the prepare worker (see {@link WikiCompiler#analyze}). */
    @Override
    public Object analyze(ConvertedDoc converted) throws IOException {
        return compiler.analyze(converted.stagedSource(), converted.kind());
    }

    @Override
    public Map<String, Object> commit(PreparedDoc doc, KbTransaction tx, Consumer<String> stage) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        String description = null;
        DocKind kind = doc.converted().kind();
        if (kind == DocKind.LONG_PDF) {
            stage.accept("index");
            long t0 = System.nanoTime();
            IndexResult r = indexer.index(tx, layout, doc.docName(), doc.stagingDir());
            extra.put("doc_id", r.docId());
            description = r.description();
            LOG.fine(() -> String.format("index %s: %.1f ms", doc.docName(), (System.nanoTime() - t0) / 1e6));
        }
        stage.accept("compile");
        long t1 = System.nanoTime();
        CompileResult result = compiler.compile(new CompileRequest(layout, config, doc.docName(), kind,
                doc.converted().title(), description, doc.analysis() instanceof DocAnalysis a ? a : null), tx);
        LOG.fine(() -> String.format("compile %s: %.1f ms, %d page(s) written", doc.docName(),
                (System.nanoTime() - t1) / 1e6, result.pagesWritten().size()));
        result.warnings().forEach(w -> warnings.accept(doc.file().path().getFileName() + ": " + w));
        return extra;
    }
}
