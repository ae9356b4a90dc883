package dev.openkb.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;

/**
 * OpenKB's precondition for {@code openkb lint} ({@code run_lint}): when {@code hashes.json} is
 * missing or an empty object, there is nothing to lint and the command prints
 * {@link #NOTHING_TO_LINT} instead of a report. Stateless.
 */
public final class LintGate {
    public static final String NOTHING_TO_LINT = "Nothing to lint — no documents indexed yet. Run `openkb add` first.";

    private LintGate() {
    }

    /** @throws KbException CORRUPT_STATE when hashes.json is not JSON, IO_ERROR when it cannot be read */
    public static boolean nothingToLint(KbLayout layout) {
        JsonNode root = RawStateLoader.readJson(layout.hashes());
        return root == null || root.isMissingNode() || root.isEmpty();
    }
}
