package dev.openkb.trust;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Path;

/**
 * Decides whether a KB may talk to its LLM endpoint. A KB is untrusted input (it may come from
 * {@code git clone}), and its {@code base_url} receives the user's API key and every document added,
 * so an endpoint is admitted only when it is the provider's own default (chosen by us, not by the
 * KB) or the user approved it for this KB ({@code openkb trust}, or {@code init --base-url}), and
 * plain {@code http://} only to this machine, approved or not. Stateless apart from the store.
 */
public final class EndpointGate {
    private final ApprovalStore store;

    public EndpointGate(ApprovalStore store) {
        this.store = store;
    }

    public ApprovalStore store() {
        return store;
    }

    /**
     * @param providerDefault true when the endpoint is the provider's built-in one (no {@code base_url}
     *                        in the KB, or one equal to it)
     * @throws KbException INVALID_ARGUMENT for plain http to another machine; ENDPOINT_NOT_APPROVED
     *                     when the user has not approved it for this KB
     */
    public ApprovedEndpoint admit(Path kbRoot, Endpoint endpoint, boolean providerDefault) {
        requireTransport(kbRoot, endpoint);
        if (!providerDefault && !store.isApproved(kbRoot, endpoint)) {
            throw new KbException(ErrorCode.ENDPOINT_NOT_APPROVED, kbRoot, "the KB's LLM endpoint " + endpoint.url()
                    + " is not approved to receive your API key and documents; if you trust it, run: openkb trust --kb "
                    + shellQuote(kbRoot.toString()));
        }
        return new ApprovedEndpoint(endpoint);
    }

    /** Records the user's approval of {@code endpoint} for the KB; plain http to another machine is refused. */
    public Approval approve(Path kbRoot, Endpoint endpoint) {
        requireTransport(kbRoot, endpoint);
        return store.approve(kbRoot, endpoint);
    }

    private static void requireTransport(Path kbRoot, Endpoint endpoint) {
        if (!endpoint.transportAllowed()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, kbRoot, "the KB's LLM endpoint " + endpoint.url()
                    + " uses plain http:// to another machine, which would expose your API key and documents on the"
                    + " network; use https:// (plain http is allowed only to localhost, 127.0.0.0/8 and ::1)");
        }
    }

    /** The path as a shell word, so the printed command can be pasted as is. */
    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
