package dev.openkb.compile.llm;

import dev.openkb.trust.Endpoint;

/**
 * Where a KB's model calls go, as its configuration says.
 *
 * @param endpoint        the API root ({@code base_url}, or the provider's default)
 * @param providerDefault true when that is the provider's own built-in endpoint, which needs no approval
 */
public record LlmEndpoint(Endpoint endpoint, boolean providerDefault) {
}
