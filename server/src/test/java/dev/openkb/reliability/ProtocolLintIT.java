package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layer 5: the built CLI, traced with {@code strace -f -y}, keeps the write-ahead protocol on disk
 * (data fsynced before every rename, journal durable before the first KB-visible change, changes
 * durable before the commit or rolled-back mark, before-images kept until then) in one 3-document
 * add and in one rollback by {@code openkb recover} after a kill half-way through an add.
 */
class ProtocolLintIT extends RealProcessTestBase {
    @Test
    void anAddAndARollbackKeepTheWriteAheadProtocol() throws Exception {
        ProtocolLintRun.Result r = ProtocolLintRun.run(dir);
        assertTrue(r.journalWrites() >= 6, "three transactions, each with journal writes and a commit mark: " + r.journalWrites());
        assertTrue(r.restored(), "the recovery restored pages");
        assertEquals(List.of(), r.addViolations(), "add");
        assertEquals(List.of(), r.rollbackViolations(), "rollback");
        assertEquals(List.of(), r.afterRollback(), "the KB after the rollback");
    }
}
