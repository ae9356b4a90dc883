package dev.openkb.lsp;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of OpenKB's protocol extension ({@code docs/protocol.md}), as records that
 * LSP4J's Gson serialises field by field. A null component is left out of the JSON, which is how
 * the optional fields ({@code "docName"?}) of the documentation are written. Immutable.
 */
public final class Protocol {
    private Protocol() {
    }

    /** {@code openkb/add} result: counts and every scanned file in scan order. */
    /**
     * {@code openkb/add} result. {@code unsupported}: how many of {@code passedOver} are of an unsupported
     * type; {@code summary}: the line every face shows ("9 added, 1 unsupported").
     */
    public record AddResult(int added, int skipped, int failed, int cancelled, List<AddedFile> files,
            List<PassedOver> passedOver, String stoppedReason, int unsupported, String summary) {
    }

    /** One file of an add: {@code status} is added, skipped, failed or cancelled. */
    public record AddedFile(String uri, String docName, String status, String reason) {
    }

    /** A file a folder scan did not take (hidden, unsupported type, symlink leaving the folder). */
    public record PassedOver(String uri, String reason) {
    }

    /**
     * The {@code openkb/fileProgress} notification: one stage event of one file of an add, with the whole
     * add's state after it as the engine computes it: {@code percent} (0-100, monotone), {@code message}
     * ("3/10 converting report.pdf") and {@code summary} of the files finished so far ("2 added, 1 skipped").
     */
    public record FileProgress(String uri, String docName, int index, int total, String stage, String status,
            String reason, int percent, String message, String summary) {
    }

    /** {@code openkb/recover} result. */
    public record RecoverResult(String kb, List<RolledBack> rolledBack, int discarded, int stagingReclaimed,
            List<String> gaveUp, List<String> errors, List<String> quarantined) {
    }

    public record RolledBack(String journal, String operation, Map<String, Object> details) {
    }

    /** {@code openkb/status} result. */
    public record StatusResult(String kb, int documents, Map<String, Integer> pages, int pendingJournals,
            String lastOperation, List<String> quarantinedJournals) {
    }

    /** {@code openkb/documents} result. */
    public record DocumentsResult(String kb, List<DocumentInfo> documents) {
    }

    public record DocumentInfo(String docName, String name, String type) {
    }

    /** {@code openkb/remove} result: what was (or, on a dry run, would be) done. */
    public record RemoveResult(String docName, String name, boolean dryRun, boolean removed, int linksFixed,
            List<RemoveAction> actions) {
    }

    public record RemoveAction(String action, String path) {
    }

    /** {@code openkb/renamePage} result: the page's old and new keys and URIs, and the pages rewritten. */
    public record RenameResult(String from, String to, String oldUri, String newUri, boolean dryRun, boolean renamed,
            int links, List<String> changedPages) {
    }

    /** {@code openkb/fixLinks} result ({@code lint --fix}). */
    public record FixLinksResult(int filesChanged, int linksRewritten, int linksDemoted, List<String> changedPages) {
    }

    /** {@code openkb/recompile} result: each document with its status (recompiled, skipped, cancelled). */
    public record RecompileResult(int recompiled, int skipped, List<RecompiledDocument> documents) {
    }

    public record RecompiledDocument(String docName, String status, String reason) {
    }

    /** {@code openkb/init} result. */
    public record InitResult(String kb, String model) {
    }
}
