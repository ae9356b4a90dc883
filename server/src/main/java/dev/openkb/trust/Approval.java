package dev.openkb.trust;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The user's consent that the KB at {@code kb} may send their API key and documents to {@code endpoint}.
 *
 * @param kb         the KB root's canonical real path
 * @param endpoint   the endpoint in normalised form ({@link Endpoint#url()})
 * @param approvedAt when the user approved it
 */
public record Approval(Path kb, String endpoint, Instant approvedAt) {
}
