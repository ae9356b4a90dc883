package dev.openkb.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File URIs to paths and back. Paths are the server's identity for files (clients differ in how
 * they percent-encode the same path, so URI strings are never compared); a path is normalised
 * (no {@code .} or {@code ..}) but symlinks are not resolved. Stateless.
 */
final class Uris {
    private Uris() {
    }

    /** The path of a {@code file:} URI, or empty for anything else (untitled:, http:, garbage). */
    static Optional<Path> toPath(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI u = new URI(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return Optional.empty();
            }
            if (u.getAuthority() != null && !u.getAuthority().isEmpty()) {
                // file://host/path: a remote file we cannot open.
                return Optional.empty();
            }
            return Optional.of(Path.of(new URI("file", null, u.getPath(), null)).toAbsolutePath().normalize());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Like {@link #toPath} but an InvalidParams error saying why the URI was refused. */
    static Path requirePath(Params params, String field, String uri) {
        return toPath(uri).orElseThrow(() -> params.fail("'" + field + "' must be a file: URI of a local path, got \""
                + uri + "\""));
    }

    /** {@code file:///...}; folders without the trailing slash {@link Path#toUri} adds, as editors write them. */
    static String toUri(Path path) {
        String uri = path.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") && !uri.equals("file:///") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
