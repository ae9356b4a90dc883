package dev.openkb.crash;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.kb.Registry;
import dev.openkb.lock.KbLock;
import dev.openkb.lock.Lease;
import dev.openkb.service.KbService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The shape of one add, with fixed content, for crash tests of the KB core: staged files published,
 * pages written, index and registry updated, log appended, all in one journaled transaction.
 * {@code fail} makes the body throw at the end, so rollback runs.
 */
final class SyntheticAdd {
    private SyntheticAdd() {
    }

    static void run(KbService kb, boolean fail) throws IOException {
        KbLayout l = kb.layout();
        Path staging = l.stagingDir().resolve("add-paper-0badc0de");
        Files.createDirectories(staging);
        try (Lease lease = Lease.take(staging); StagingCleanup c = new StagingCleanup(kb, staging)) {
            Files.writeString(Files.createDirectories(staging.resolve("raw")).resolve("paper.md"), "# Paper\nraw text\n");
            Files.writeString(Files.createDirectories(staging.resolve("wiki/sources")).resolve("paper.md"), "# Paper\nsource\n");
            try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(kb).exclusive(CancelToken.none())) {
                dev.openkb.service.KbInternals.runner(kb).run("add", Map.of("doc_name", "paper", "name", "paper.md"), tx -> {
                    body(tx, l, staging);
                    if (fail) {
                        throw new IOException("compile failed (simulated)");
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                if (!fail) {
                    throw e;
                }
            }
        }
    }

    /** Removes the staging folder when the add ends, as the real pipeline does in its finally. */
    private record StagingCleanup(KbService kb, Path staging) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            dev.openkb.service.KbInternals.files(kb).deleteTree(staging);
        }
    }

    private static void body(KbTransaction tx, KbLayout l, Path staging) throws IOException {
        tx.publish(staging.resolve("raw/paper.md"), l.rawDir().resolve("paper.md"));
        tx.publish(staging.resolve("wiki/sources/paper.md"), l.sourceMd("paper"));
        tx.writeString(l.summary("paper"), "---\ntype: \"Summary\"\n---\n\nsummary of paper\n");
        tx.writeString(l.concept("attention"), "---\ntype: \"Concept\"\n---\n\nupdated by paper\n");
        tx.writeString(l.indexMd(), Files.readString(l.indexMd()).replace("## Documents\n", "## Documents\n- [[summaries/paper]] (short)\n"));
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("name", "paper.md");
        meta.put("doc_name", "paper");
        meta.put("type", "md");
        Registry r = Registry.load(l).with("f00d", meta);
        tx.write(l.hashes(), r.toJson().getBytes(StandardCharsets.UTF_8));
        OperationLog.append(tx, l, LocalDateTime.of(2026, 11, 25, 12, 0, 0), "ingest", "paper.md");
    }
}
