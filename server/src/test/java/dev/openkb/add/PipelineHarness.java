package dev.openkb.add;

import dev.openkb.convert.ConvertedDoc;
import dev.openkb.convert.DocKind;
import dev.openkb.convert.DocumentConverter;
import dev.openkb.convert.StagedFiles;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.KbInternals;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link AddPipeline} over a real KB, the real journal and lock, with a plain-text
 * converter and a committer that writes a summary page, so pipeline mechanics (order, prefilter,
 * isolation, cancellation) are tested apart from document formats and compilers.
 */
final class PipelineHarness implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    final OpenKb engine = new OpenKb(w -> { });
    final KbService kb;
    DocumentConverter converter = PipelineHarness::textConverter;
    DocumentCommitter committer = PipelineHarness::summaryCommitter;

    PipelineHarness(KbLayout layout) {
        this.kb = engine.kb(layout);
    }

    AddReport add(List<Path> inputs, int jobs, ProgressListener l, CancelToken cancel) throws IOException {
        AddPipeline p = new AddPipeline(kb.layout(), KbInternals.files(kb), KbInternals.lock(kb), KbInternals.executor(kb), converter,
                f -> f.getFileName().toString().endsWith(".md") || f.getFileName().toString().endsWith(".txt"),
                ".md, .txt", committer, CLOCK);
        return p.add(inputs, new AddOptions(jobs, 2, 20), l, cancel);
    }

    static ConvertedDoc textConverter(dev.openkb.convert.ConvertRequest r) throws IOException {
        Path raw = StagedFiles.copyRaw(r);
        String text = Files.readString(r.source(), StandardCharsets.UTF_8);
        if (text.contains("CORRUPT")) {
            throw new dev.openkb.engine.KbException(dev.openkb.engine.ErrorCode.CONVERSION_FAILED, r.source(), "md: corrupt");
        }
        Path src = StagedFiles.sourceMd(r);
        Files.createDirectories(src.getParent());
        Files.writeString(src, text);
        return new ConvertedDoc(r.docName(), "md", DocKind.SHORT, raw, src, List.of(), 0, r.docName());
    }

    static Map<String, Object> summaryCommitter(PreparedDoc doc, dev.openkb.kb.KbTransaction tx,
                                                java.util.function.Consumer<String> stage) throws IOException {
        stage.accept("compile");
        KbLayout l = new KbLayout(tx.kbRoot());
        String source = Files.readString(l.sourceMd(doc.docName()));
        if (source.contains("COMPILE-FAIL")) {
            throw new IOException("compile failed for " + doc.docName());
        }
        tx.writeString(l.summary(doc.docName()), "---\ntype: \"Summary\"\n---\n\n" + source.lines().findFirst().orElse("") + "\n");
        String index = Files.readString(l.indexMd());
        tx.writeString(l.indexMd(), index.replace("## Documents\n", "## Documents\n- [[summaries/" + doc.docName() + "]] (short)\n"));
        return Map.of();
    }

    @Override
    public void close() {
        engine.close();
    }
}
