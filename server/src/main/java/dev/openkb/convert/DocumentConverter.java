package dev.openkb.convert;

import java.io.IOException;

/**
 * Turns one file into staged markdown (or per-page JSON) plus images. Implementations are
 * stateless and thread-safe: the add pipeline calls them concurrently from its worker pool.
 * Bad input fails with a {@code KbException} whose code is {@code CONVERSION_FAILED} (or
 * {@code UNSUPPORTED_TYPE}) and whose reason names the type and the cause.
 */
public interface DocumentConverter {
    ConvertedDoc convert(ConvertRequest request) throws IOException;
}
