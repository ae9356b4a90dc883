package dev.openkb.client.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** Results of the {@code openkb/*} requests, as the server writes them. */
public final class Results {
    private Results() {
    }

    /** Counts, every scanned file in scan order, what a folder scan passed over, and why the add stopped early. */
    /**
     * @param unsupported how many of {@code passedOver} are of a type no converter reads
     * @param summary     the server's summary line, the same the CLI prints: "9 added, 1 unsupported"
     */
    public record AddResult(int added, int skipped, int failed, int cancelled, List<AddedFile> files,
            List<PassedOver> passedOver, String stoppedReason, int unsupported, String summary) {
    }

    /** @param status added, skipped, failed or cancelled */
    public record AddedFile(String uri, String docName, String status, String reason) {
    }

    /** A file a folder scan did not take (hidden, unsupported type, symlink leaving the folder). */
    public record PassedOver(String uri, String reason) {
    }

    /** @param quarantined journals set aside without acting on them, "name: reason" (null from older servers) */
    public record RecoverResult(String kb, List<RolledBack> rolledBack, int discarded, int stagingReclaimed,
            List<String> gaveUp, List<String> errors, List<String> quarantined) {
    }

    public record RolledBack(String journal, String operation, JsonObject details) {
    }

    /** @param counts findings per code */
    public record LintResult(List<Finding> findings, Map<String, Integer> counts) {
    }

    /**
     * One finding; {@code path} is KB-relative and {@code data} holds what a quick fix needs.
     */
    public record Finding(String code, String severity, String path, Range range, String message, JsonElement data) {
    }

    /** Zero-based line and UTF-16 character, as in LSP. */
    public record Position(int line, int character) {
    }

    public record Range(Position start, Position end) {
    }

    /** What a remove did (or, on a dry run, would do): the document, links rewritten, each file action. */
    public record RemoveResult(String docName, String name, boolean dryRun, boolean removed, int linksFixed,
            List<RemoveAction> actions) {
    }

    public record RemoveAction(String action, String path) {
    }

    public record InitResult(String kb, String model) {
    }

    /** @param pages page counts per wiki folder */
    public record StatusResult(String kb, int documents, Map<String, Integer> pages, int pendingJournals,
            String lastOperation) {
    }

    public record DocumentsResult(String kb, List<DocumentInfo> documents) {
    }

    public record DocumentInfo(String docName, String name, String type) {
    }

    /**
     * The answer of {@code openkb/query}: Markdown with {@code [[page]]} links, how it was made ({@code offline}:
     * retrieved passages; {@code llm}: written by the KB's model), the cited pages most relevant first, and with
     * {@code save} the exploration page written, relative to the KB root ({@code wiki/explorations/<slug>.md}; null
     * otherwise).
     */
    public record QueryResult(String question, String answer, String mode, List<QuerySource> sources, String saved) {
    }

    /**
     * A cited page: {@code page} is relative to {@code wiki/} without {@code .md} ({@code summaries/paper});
     * {@code doc} the raw file name for summary and source pages; {@code range} the cited passage, or null.
     */
    public record QuerySource(String page, String title, String doc, double score, String snippet, PassageRange range) {
    }

    /**
     * Where a cited passage lies: 0-based lines {@code startLine} (inclusive) to {@code endLine} (exclusive) of a
     * Markdown page, or for a long document's per-page JSON the PDF page {@code pdfPage} (1-based; 0 for Markdown).
     */
    public record PassageRange(int startLine, int endLine, int pdfPage) {
    }
}
