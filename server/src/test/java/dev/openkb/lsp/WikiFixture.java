package dev.openkb.lsp;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small real KB for server tests: three concept pages, one of them linking to a missing page and
 * to a page by a misspelt name that has a repair candidate, all listed in index.md.
 */
final class WikiFixture {
    static final String ATTENTION = """
            ---
            type: "Concept"
            description: "How a model weighs tokens."
            ---

            # Attention

            Uses [[concepts/Self_Attention]] and [[concepts/missing-page]].
            ## Scaled dot product
            See [[concepts/softmax#Definition|softmax]].
            """;
    static final String SELF_ATTENTION = """
            ---
            type: "Concept"
            description: "Attention of a sequence to itself."
            ---

            # Self-attention

            Builds on [[concepts/attention]].
            """;
    static final String SOFTMAX = """
            ---
            type: "Concept"
            description: "Turns scores into probabilities."
            ---

            # Softmax

            ## Definition
            Used by [[concepts/attention]].
            """;
    static final String INDEX = """
            # Knowledge Base Index

            ## Documents

            ## Concepts
            - [[concepts/attention]]
            - [[concepts/self-attention]]
            - [[concepts/softmax]]

            ## Entities

            ## Explorations
            """;

    final KbLayout layout;

    private WikiFixture(KbLayout layout) {
        this.layout = layout;
    }

    static WikiFixture create(Path dir) throws IOException {
        KbLayout l = Fixtures.kb(dir);
        Fixtures.write(l.concept("attention"), ATTENTION);
        Fixtures.write(l.concept("self-attention"), SELF_ATTENTION);
        Fixtures.write(l.concept("softmax"), SOFTMAX);
        Fixtures.write(l.indexMd(), INDEX);
        return new WikiFixture(l);
    }

    Path attention() {
        return layout.concept("attention");
    }

    Path selfAttention() {
        return layout.concept("self-attention");
    }

    Path softmax() {
        return layout.concept("softmax");
    }

    Path index() {
        return layout.indexMd();
    }

    static String uri(Path p) {
        return Uris.toUri(p);
    }

    /** Leaves an active journal behind: a mutation that changed attention.md and crashed before rolling back. */
    void crashMidMutation() {
        FaultyFileOps ops = new FaultyFileOps();
        try (OpenKb engine = new OpenKb(ops, w -> { })) {
            KbService s = engine.kb(layout);
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(s).exclusive(CancelToken.none())) {
                dev.openkb.service.KbInternals.runner(s).run("add", Map.of("doc_name", "paper"), tx -> {
                    tx.writeString(attention(), "half-written");
                    ops.arm(1, null, FaultyFileOps.Mode.CRASH, null);
                    throw new IOException("power cut");
                });
            } catch (FaultyFileOps.SimulatedCrash expected) {
                // the rollback itself "crashed": the journal stays for the next recovery
            }
        }
    }
}
