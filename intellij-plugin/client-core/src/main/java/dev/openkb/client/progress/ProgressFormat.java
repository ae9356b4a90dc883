package dev.openkb.client.progress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** File names for progress and summaries (the percentage and message are the server's). Stateless. */
public final class ProgressFormat {
    private ProgressFormat() {
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
}
