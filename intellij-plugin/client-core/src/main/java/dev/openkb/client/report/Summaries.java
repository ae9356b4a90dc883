package dev.openkb.client.report;

import dev.openkb.client.connection.Failures;
import dev.openkb.client.progress.ProgressFormat;
import dev.openkb.client.protocol.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Request results as notification text. Stateless. */
public final class Summaries {
    /** Notifications stay readable: at most this many per-file lines, then "and N more". */
    static final int MAX_FILE_LINES = 10;

    private Summaries() {
    }

    public static Summary add(Results.AddResult r) {
        // The server's line, word for word what the CLI prints after "Done:" and VS Code shows.
        String title = r.summary() != null && !r.summary().isBlank() ? r.summary() : r.added() + " added";
        List<String> lines = new ArrayList<>();
        if (r.stoppedReason() != null && !r.stoppedReason().isBlank()) {
            lines.add("Stopped early: " + r.stoppedReason());
        }
        List<String> fileLines = new ArrayList<>();
        for (Results.AddedFile f : list(r.files())) {
            if (!"added".equals(f.status())) {
                fileLines.add(ProgressFormat.fileName(f.uri()) + ": " + f.status()
                        + (f.reason() == null || f.reason().isBlank() ? "" : " (" + f.reason() + ")"));
            }
        }
        lines.addAll(capped(fileLines));
        Summary.Level level = r.failed() > 0 || (r.stoppedReason() != null && !r.stoppedReason().isBlank())
                ? Summary.Level.ERROR
                : r.skipped() > 0 || r.cancelled() > 0 ? Summary.Level.WARNING : Summary.Level.INFO;
        return new Summary(level, title, String.join("\n", lines));
    }

    /**
     * An add that ended without a result. Cancelled before it got anywhere (the server answers a cancel that
     * arrives while the add waits for the KB, before any file is committed, with RequestCancelled) is a warning
     * saying nothing was added; anything else is an error with the server's message.
     */
    public static Summary addFailed(Throwable failure) {
        if (Failures.isCancellation(failure)) {
            return new Summary(Summary.Level.WARNING, "Add cancelled",
                    "Nothing was added: the add was cancelled before its first file was committed.");
        }
        return new Summary(Summary.Level.ERROR, "Add to knowledge base failed", Failures.describe(failure));
    }

    public static Summary recover(Results.RecoverResult r) {
        List<String> lines = new ArrayList<>();
        List<Results.RolledBack> rolled = list(r.rolledBack());
        if (!rolled.isEmpty()) {
            List<String> ops = rolled.stream().map(Results.RolledBack::operation).toList();
            lines.add("Rolled back " + rolled.size() + " unfinished operation" + (rolled.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", ops) + ").");
        }
        if (r.discarded() > 0) {
            lines.add("Discarded " + r.discarded() + " finished journal" + (r.discarded() == 1 ? "" : "s") + ".");
        }
        if (r.stagingReclaimed() > 0) {
            lines.add("Reclaimed " + r.stagingReclaimed() + " leftover staging folder" + (r.stagingReclaimed() == 1 ? "" : "s") + ".");
        }
        for (String g : list(r.gaveUp())) {
            lines.add("Gave up on: " + g);
        }
        for (String e : list(r.errors())) {
            lines.add("Error: " + e);
        }
        for (String q : list(r.quarantined())) {
            lines.add("Set aside in .openkb/journal/quarantine (not applied; review, then delete): " + q);
        }
        boolean failed = !list(r.gaveUp()).isEmpty() || !list(r.errors()).isEmpty();
        boolean quarantined = !list(r.quarantined()).isEmpty();
        String title = failed ? "Recovery incomplete" : lines.isEmpty() ? "Nothing to recover"
                : quarantined ? "Knowledge base recovered; journals set aside" : "Knowledge base recovered";
        Summary.Level level = failed ? Summary.Level.ERROR : quarantined ? Summary.Level.WARNING : Summary.Level.INFO;
        return new Summary(level, title, String.join("\n", lines));
    }

    public static Summary lint(Results.LintResult r) {
        int total = list(r.findings()).size();
        if (total == 0) {
            return new Summary(Summary.Level.INFO, "No lint findings", "");
        }
        Map<String, Integer> counts = r.counts() == null || r.counts().isEmpty() ? countByCode(r.findings()) : r.counts();
        List<String> lines = new ArrayList<>();
        new TreeMap<>(counts).forEach((code, n) -> {
            if (n != null && n > 0) {
                lines.add(n + " × " + code);
            }
        });
        boolean errors = list(r.findings()).stream().anyMatch(f -> "error".equalsIgnoreCase(f.severity()));
        return new Summary(errors ? Summary.Level.WARNING : Summary.Level.INFO,
                total + " lint finding" + (total == 1 ? "" : "s"), String.join("\n", lines));
    }

    private static Map<String, Integer> countByCode(List<Results.Finding> findings) {
        Map<String, Integer> out = new TreeMap<>();
        for (Results.Finding f : findings) {
            out.merge(f.code() == null ? "?" : f.code(), 1, Integer::sum);
        }
        return out;
    }

    private static List<String> capped(List<String> lines) {
        if (lines.size() <= MAX_FILE_LINES) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, MAX_FILE_LINES));
        out.add("and " + (lines.size() - MAX_FILE_LINES) + " more");
        return out;
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }
}
