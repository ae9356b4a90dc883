package dev.openkb.recompile;

import dev.openkb.compile.CompileRequest;
import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.convert.DocKind;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.journal.MutationExecutor;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.remove.DocumentResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code openkb recompile <doc> | --all}: runs the compiler again on documents already in the KB
 * (no conversion, no registry change), as OpenKB does (reference 7.2) — but each document in its own
 * journaled transaction, so a failed or interrupted recompile leaves that document's pages as they
 * were instead of half-rewritten. Coordinated on the caller's thread; each compile runs on the
 * mutation thread. Cancellation is checked between documents.
 */
public final class Recompiler {
    private final KbLayout layout;
    private final KbConfig config;
    private final WikiCompiler compiler;
    private final Clock clock;

    public Recompiler(KbLayout layout, KbConfig config, WikiCompiler compiler, Clock clock) {
        this.layout = layout;
        this.config = config;
        this.compiler = compiler;
        this.clock = clock;
    }

    /** @param docName one document (resolved like remove), or null for every document */
    public RecompileReport run(String docName, boolean dryRun, MutationExecutor executor, CancelToken cancel) {
        Registry registry = Registry.load(layout);
        List<RegistryEntry> targets = docName == null ? registry.entries() : List.of(DocumentResolver.resolve(registry, docName));
        List<RecompileReport.Item> items = new ArrayList<>();
        for (RegistryEntry e : targets) {
            String name = e.docName();
            String kind = e.isLongDoc() ? "long" : "short";
            String missing = missingInput(e, name);
            if (missing != null) {
                items.add(new RecompileReport.Item(name, kind, RecompileReport.Status.SKIPPED, missing));
            } else if (dryRun) {
                items.add(new RecompileReport.Item(name, kind, RecompileReport.Status.PLANNED, null));
            } else if (cancel.isCancelled()) {
                items.add(new RecompileReport.Item(name, kind, RecompileReport.Status.CANCELLED, "cancelled"));
            } else {
                items.add(compileOne(e, name, kind, executor, cancel));
            }
        }
        RecompileReport report = new RecompileReport(items, dryRun);
        if (!dryRun && !items.isEmpty()) {
            String line = "recompiled " + report.count(RecompileReport.Status.RECOMPILED) + ", skipped "
                    + (items.size() - report.count(RecompileReport.Status.RECOMPILED));
            executor.call(CancelToken.none(), r -> r.run("recompile_log", Map.of(), tx -> {
                OperationLog.append(tx, layout, LocalDateTime.now(clock), "recompile", line);
                return null;
            }));
        }
        return report;
    }

    private RecompileReport.Item compileOne(RegistryEntry e, String name, String kind, MutationExecutor executor, CancelToken cancel) {
        try {
            executor.call(cancel, r -> r.run("recompile", Map.of("doc_name", name), tx -> {
                DocKind k = e.isLongDoc() ? DocKind.LONG_PDF : DocKind.SHORT;
                String description = e.isLongDoc()
                        ? PageWriter.description(Files.readString(layout.summary(name), StandardCharsets.UTF_8)) : null;
                return compiler.compile(new CompileRequest(layout, config, name, k, title(e, name), description), tx);
            }));
            return new RecompileReport.Item(name, kind, RecompileReport.Status.RECOMPILED, null);
        } catch (KbException ex) {
            RecompileReport.Status s = ex.code() == ErrorCode.CANCELLED ? RecompileReport.Status.CANCELLED : RecompileReport.Status.SKIPPED;
            if (ex.code() == ErrorCode.DIRTY_ROLLBACK) {
                throw ex;
            }
            return new RecompileReport.Item(name, kind, s, "compilation failed (rolled back): " + ex.getMessage());
        }
    }

    private String missingInput(RegistryEntry e, String name) {
        if (name == null || name.isBlank()) {
            return "no doc_name";
        }
        if (e.isLongDoc()) {
            if (e.docId() == null) {
                return "long document without doc_id";
            }
            return Files.exists(layout.summary(name)) ? null : "missing summary " + layout.relative(layout.summary(name));
        }
        Path source = layout.sourceMd(name);
        return Files.exists(source) ? null : "missing source " + layout.relative(source);
    }

    /**
     * The title the add gave the document. The converter chose it (front matter, the first heading at
     * any level, a PDF's metadata, else the file stem) and nothing but the summary's first line kept
     * it: re-deriving it from the source turned "2.2 Simple Example" into the file stem. So the
     * summary's {@code # } heading first, then the source's first top-level heading, then the stem.
     */
    private String title(RegistryEntry e, String name) throws java.io.IOException {
        if (!e.isLongDoc()) {
            String fromSummary = firstHeading(layout.summary(name), true);
            if (fromSummary != null) {
                return fromSummary;
            }
            String fromSource = firstHeading(layout.sourceMd(name), false);
            if (fromSource != null) {
                return fromSource;
            }
        }
        return stem(e.name());
    }

    /** The text of the file's first {@code # } line (after its frontmatter when {@code page}), or null. */
    private static String firstHeading(Path file, boolean page) throws java.io.IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String body = page ? PageWriter.body(text) : text;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("# ") && !line.substring(2).isBlank()) {
                return line.substring(2).strip();
            }
        }
        return null;
    }

    private static String stem(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
