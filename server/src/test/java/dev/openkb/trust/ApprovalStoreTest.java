package dev.openkb.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalStoreTest {
    static final Endpoint REMOTE = Endpoint.parse("https://llm.example/v1");

    @TempDir
    Path dir;
    Path home;
    Path kb;
    ApprovalStore store;

    @BeforeEach
    void setUp() throws IOException {
        home = dir.resolve("config/openkb");
        kb = Files.createDirectories(dir.resolve("kb"));
        store = new ApprovalStore(home, new AtomicFiles(new RealFileOps()), Clock.fixed(Instant.parse("2026-12-07T17:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anApprovalIsForOneKbFolderAndOneEndpoint() throws IOException {
        assertFalse(store.isApproved(kb, REMOTE), "nothing is approved before the user says so");
        store.approve(kb, REMOTE);
        assertTrue(store.isApproved(kb, REMOTE));
        assertTrue(store.isApproved(dir.resolve("kb/../kb"), Endpoint.parse("HTTPS://llm.example:443/v1/")), "any spelling of both");
        Path link = Files.createSymbolicLink(dir.resolve("link"), kb);
        assertTrue(store.isApproved(link, REMOTE), "the KB is keyed by its real path");
        assertFalse(store.isApproved(kb, Endpoint.parse("https://llm.example/v2")), "a changed base_url needs approval again");
        Path other = Files.createDirectories(dir.resolve("other-kb"));
        assertFalse(store.isApproved(other, REMOTE), "another KB with the same base_url is not approved");
    }

    @Test
    void theFileLivesInTheUsersFolderPrivatelyAndRoundTrips() throws IOException {
        store.approve(kb, REMOTE);
        store.approve(kb, REMOTE);
        Path file = home.resolve(ApprovalStore.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals(List.of(new Approval(kb.toRealPath(), "https://llm.example/v1", Instant.parse("2026-12-07T17:00:00Z"))),
                new ApprovalStore(home, new AtomicFiles(new RealFileOps()), Clock.systemUTC()).list(), "approving twice keeps one entry");
        try (var s = Files.list(home)) {
            assertEquals(List.of(file), s.toList(), "no temp file is left behind");
        }
    }

    @Test
    void revokeRemovesEveryApprovalOfThatKbOnly() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other-kb"));
        store.approve(kb, REMOTE);
        store.approve(kb, Endpoint.parse("http://127.0.0.1:8080/v1"));
        store.approve(other, REMOTE);
        assertEquals(2, store.revoke(kb).size());
        assertFalse(store.isApproved(kb, REMOTE));
        assertTrue(store.isApproved(other, REMOTE));
        assertEquals(List.of(), store.revoke(kb));
    }

    @Test
    void aDamagedFileIsReportedWithWhatToDoNotTakenAsApproval() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve(ApprovalStore.FILE_NAME), "{\"approvals\": [{\"kb\": 1}]}");
        KbException e = assertThrows(KbException.class, () -> store.isApproved(kb, REMOTE));
        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertTrue(e.getMessage().contains("fix or delete the file"), e.getMessage());
        Files.writeString(home.resolve(ApprovalStore.FILE_NAME), "");
        assertFalse(store.isApproved(kb, REMOTE), "an empty file (a crash before the first write) approves nothing");
    }

    @Test
    void theGateAdmitsDefaultsAndApprovedEndpointsAndRefusesTheRestSayingHow() {
        EndpointGate gate = new EndpointGate(store);
        assertEquals(REMOTE, gate.admit(kb, REMOTE, true).endpoint(), "the provider's default needs no approval");
        KbException e = assertThrows(KbException.class, () -> gate.admit(kb, REMOTE, false));
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED, e.code());
        assertTrue(e.getMessage().contains("endpoint https://llm.example/v1 is not approved")
                && e.getMessage().endsWith("run: openkb trust --kb " + kb), e.getMessage());
        gate.approve(kb, REMOTE);
        assertEquals(REMOTE, gate.admit(kb, REMOTE, false).endpoint());

        Endpoint plain = Endpoint.parse("http://llm.example/v1");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KbException.class, () -> gate.approve(kb, plain)).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KbException.class, () -> gate.admit(kb, plain, true)).code());
        assertFalse(store.isApproved(kb, plain));
    }

    @Test
    void thePrintedCommandIsQuotedForTheShell() {
        assertEquals("/a/b-c_d.e", EndpointGate.shellQuote("/a/b-c_d.e"));
        assertEquals("'/my kb/it'\\''s'", EndpointGate.shellQuote("/my kb/it's"));
    }
}
