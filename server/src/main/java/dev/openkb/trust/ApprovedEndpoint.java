package dev.openkb.trust;

/**
 * Proof that an endpoint passed the {@link EndpointGate} for a KB: the HTTP client for a model API
 * takes one, and only the gate can make one, so no code path reaches an LLM without the check.
 * Immutable.
 */
public final class ApprovedEndpoint {
    private final Endpoint endpoint;

    ApprovedEndpoint(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String toString() {
        return "ApprovedEndpoint[" + endpoint + "]";
    }
}
