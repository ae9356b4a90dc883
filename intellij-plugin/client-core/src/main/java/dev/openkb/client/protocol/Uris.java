package dev.openkb.client.protocol;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File URIs on the wire and paths in the IDE. Servers and clients spell the same file differently
 * ({@code file:/a/b}, {@code file:///a/b}, percent-encoding), so diagnostics are keyed by the normalised
 * absolute path, never by the URI string. Stateless.
 */
public final class Uris {
    private Uris() {
    }

    public static String toUri(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    /** The path of a {@code file:} URI, or empty for anything else (other schemes, malformed text). */
    public static Optional<Path> toPath(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(u).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
