package dev.openkb.client.progress;

import dev.openkb.client.protocol.FileProgress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Turns per-file progress into the text and fraction a progress bar shows. Stateless. */
public final class ProgressFormat {
    private ProgressFormat() {
    }

    /**
     * How far one file is, from 0 (queued) to 1 (done). Converting is the long stage for most files, so it
     * spans the widest band; commits are serial and short.
     */
    public static double stageWeight(String stage) {
        return switch (stage == null ? "" : stage) {
            case "hashing" -> 0.1;
            case "converting" -> 0.2;
            case "prepared" -> 0.7;
            case "committing" -> 0.8;
            case "done" -> 1.0;
            default -> 0.0; // "queued" and anything a newer server adds
        };
    }

    /**
     * @param event the latest event
     * @param work  the sum of {@link #stageWeight} over all files of the add so far
     * @return "{index}/{total} · {stage} · {file}" (on "done" the stage reads as the file's status, and a reason
     *         follows after " — "), and {@code work / total} clamped to 0..1
     */
    public static ProgressLine line(FileProgress event, double work) {
        String stage = event.stage() == null ? "working" : event.stage();
        if ("done".equals(stage) && event.status() != null) {
            stage = event.status();
        }
        StringBuilder text = new StringBuilder()
                .append(event.index()).append('/').append(event.total())
                .append(" · ").append(stage)
                .append(" · ").append(fileName(event.uri()));
        if (event.reason() != null && !event.reason().isBlank()) {
            text.append(" — ").append(event.reason());
        }
        double fraction = event.total() <= 0 ? 0 : Math.max(0, Math.min(1, work / event.total()));
        return new ProgressLine(text.toString(), fraction);
    }

    /** The last path segment of a file URI, decoded ({@code file:///a/My%20Notes.pdf} reads "My Notes.pdf"). */
    public static String fileName(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "?";
        }
        String path;
        try {
            path = URI.create(uri).getPath();
        } catch (IllegalArgumentException e) {
            path = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        if (path == null || path.isEmpty()) {
            path = uri;
        }
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The percentage a UI shows for a fraction: floor, so 100% appears only when everything is done. */
    public static int percent(double fraction) {
        return (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100 + 1e-9);
    }
}
