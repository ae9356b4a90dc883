package dev.openkb.lint;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes {@code wiki/reports/lint_<YYYYMMDD_HHMMSS>.md} in OpenKB's shape ({@code run_lint}):
 * {@code # Lint Report — <ts>}, then {@code ## Structural} with the structural report and
 * {@code ## Semantic} with the knowledge lint's text ({@code dev.openkb.agent.KnowledgeLint}, run by
 * {@code lint} when a model is configured); offline, "Semantic" says it was not run and why. Like OpenKB, a second report in the same
 * second replaces the first. Written through the caller's transaction; the log line is the
 * caller's. Stateless.
 */
public final class LintReportWriter {
    public static final String SEMANTIC_NOT_RUN =
            "Knowledge lint not run: the semantic checks need an LLM and are not run offline.";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private LintReportWriter() {
    }

    /** Writes the report with {@link #SEMANTIC_NOT_RUN}; returns its path. */
    public static Path write(KbTransaction tx, KbLayout layout, String structuralReport, LocalDateTime now) {
        return write(tx, layout, structuralReport, SEMANTIC_NOT_RUN, now);
    }

    /** Writes the report; returns its path. @throws KbException IO_ERROR when it cannot be written */
    public static Path write(KbTransaction tx, KbLayout layout, String structuralReport, String semanticReport,
            LocalDateTime now) {
        String stamp = now.format(STAMP);
        Path report = layout.reportsDir().resolve("lint_" + stamp + ".md");
        String content = "# Lint Report — " + stamp + "\n\n## Structural\n\n" + structuralReport
                + "\n\n## Semantic\n\n" + semanticReport + "\n";
        try {
            tx.createDirectories(layout.reportsDir());
            tx.writeString(report, content);
        } catch (IOException e) {
            throw new KbException(ErrorCode.IO_ERROR, report, "cannot write the lint report: " + e.getMessage(), e);
        }
        return report;
    }
}
