package dev.openkb.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbLockTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    @TempDir
    Path dir;
    Path file;
    AtomicInteger recoveries = new AtomicInteger();
    KbLock lock;

    @BeforeEach
    void setUp() throws IOException {
        file = Files.createFile(dir.resolve("ingest.lock"));
        lock = new KbLock(file, l -> recoveries.incrementAndGet());
    }

    @AfterEach
    void tearDown() {
        lock.close();
    }

    @Test
    void writeLockIsReentrantAndRecoversOnlyOnTheOutermostAcquisition() {
        try (KbLock.Hold a = lock.exclusive(CancelToken.none()); KbLock.Hold b = lock.exclusive(CancelToken.none())) {
            assertTrue(lock.isHeldExclusivelyByCurrentThread());
        }
        assertEquals(1, recoveries.get());
        assertFalse(lock.isHeldByCurrentThread());
    }

    @Test
    void readLockIsReentrantAndReadersShareIt() throws Exception {
        try (KbLock.Hold a = lock.shared(CancelToken.none()); KbLock.Hold b = lock.shared(CancelToken.none())) {
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                try (KbLock.Hold c = lock.shared(CancelToken.none(), Duration.ofSeconds(5))) {
                    return true;
                }
            });
            assertTrue(other.get(10, TimeUnit.SECONDS));
        }
        assertEquals(0, recoveries.get(), "readers never run recovery");
    }

    @Test
    void refusesToUpgradeAReadLock() {
        try (KbLock.Hold a = lock.shared(CancelToken.none())) {
            KbException e = assertThrows(KbException.class, () -> lock.exclusive(CancelToken.none()));
            assertEquals(ErrorCode.LOCK_FAILED, e.code());
            assertTrue(e.getMessage().contains("cannot upgrade"));
        }
    }

    @Test
    void writeLockMayTakeNestedReadLocks() {
        try (KbLock.Hold w = lock.exclusive(CancelToken.none()); KbLock.Hold r = lock.shared(CancelToken.none())) {
            assertTrue(lock.isHeldExclusivelyByCurrentThread());
        }
        try (KbLock.Hold w = lock.exclusive(CancelToken.none(), SHORT)) {
            assertTrue(lock.isHeldExclusivelyByCurrentThread(), "the OS lock was not downgraded by the nested read");
        }
    }

    @Test
    void exclusiveHoldIsThreadLocal() throws Exception {
        try (KbLock.Hold w = lock.exclusive(CancelToken.none())) {
            assertFalse(CompletableFuture.supplyAsync(lock::isHeldExclusivelyByCurrentThread).get());
            KbException e = CompletableFuture.supplyAsync(() -> assertThrows(KbException.class,
                    () -> lock.shared(CancelToken.none(), SHORT))).get();
            assertEquals(ErrorCode.LOCK_FAILED, e.code());
        }
    }

    @Test
    void aWaitingWriterIsNotStarvedByAStreamOfReaders() throws Exception {
        KbLock.Hold first = lock.shared(CancelToken.none());
        CountDownLatch writerWaiting = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            writerWaiting.countDown();
            try (KbLock.Hold w = lock.exclusive(CancelToken.none(), Duration.ofSeconds(10))) {
                // got it
            }
        });
        writerWaiting.await();
        // Give the writer time to queue: observed through the lock, not by sleeping blindly.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!hasQueuedWriter() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        CompletableFuture<KbException> lateReader = CompletableFuture.supplyAsync(() ->
                assertThrows(KbException.class, () -> lock.shared(CancelToken.none(), SHORT)));
        assertEquals(ErrorCode.LOCK_FAILED, lateReader.get(10, TimeUnit.SECONDS).code(), "a new reader queues behind the writer");
        first.close();
        writer.get(10, TimeUnit.SECONDS);
    }

    private boolean hasQueuedWriter() {
        try {
            var f = KbLock.class.getDeclaredField("rw");
            f.setAccessible(true);
            return ((java.util.concurrent.locks.ReentrantReadWriteLock) f.get(lock)).hasQueuedThreads();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancellingAWaitStopsIt() throws Exception {
        try (ChildJvm holder = ChildJvm.start(LockHolderMain.class, file.toString(), "exclusive")) {
            holder.awaitLine("LOCKED");
            CancelToken cancel = new CancelToken();
            CompletableFuture<KbException> waiter = CompletableFuture.supplyAsync(() ->
                    assertThrows(KbException.class, () -> lock.exclusive(cancel)));
            cancel.cancel();
            assertEquals(ErrorCode.CANCELLED, waiter.get(10, TimeUnit.SECONDS).code());
        }
    }

    @Test
    void anotherProcessesExclusiveLockMakesUsWait() throws Exception {
        try (ChildJvm holder = ChildJvm.start(LockHolderMain.class, file.toString(), "exclusive")) {
            holder.awaitLine("LOCKED");
            assertEquals(ErrorCode.LOCK_FAILED, assertThrows(KbException.class, () -> lock.shared(CancelToken.none(), SHORT)).code());
            holder.send("release");
            holder.awaitLine("RELEASED");
            try (KbLock.Hold h = lock.exclusive(CancelToken.none(), Duration.ofSeconds(10))) {
                assertTrue(lock.isHeldExclusivelyByCurrentThread());
            }
        }
    }

    @Test
    void anExternalFlockHolderMakesOurExclusiveAcquisitionWait() throws Exception {
        // util-linux flock(1) takes flock(2) locks, exactly as OpenKB's Python CLI does.
        Process p = new ProcessBuilder("flock", "-x", file.toString(), "-c", "echo LOCKED; read line").start();
        try {
            new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
            assertEquals(ErrorCode.LOCK_FAILED, assertThrows(KbException.class, () -> lock.exclusive(CancelToken.none(), SHORT)).code());
            p.getOutputStream().write("\n".getBytes());
            p.getOutputStream().flush();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            try (KbLock.Hold h = lock.exclusive(CancelToken.none(), Duration.ofSeconds(10))) {
                assertTrue(lock.isHeldExclusivelyByCurrentThread());
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aWaitForAnotherProcessIsAnnouncedOnceAndEndsAtThePolicysTimeout() throws Exception {
        Process p = new ProcessBuilder("flock", "-x", file.toString(), "-c", "echo LOCKED; read line").start();
        AtomicInteger notices = new AtomicInteger();
        KbLock.WaitPolicy policy = new KbLock.WaitPolicy(Duration.ofMillis(600), Duration.ofMillis(100), notices::incrementAndGet);
        try (KbLock waiting = new KbLock(file, l -> { }, policy)) {
            new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
            KbException e = assertThrows(KbException.class, () -> waiting.exclusive(CancelToken.none()));
            assertEquals(ErrorCode.LOCK_FAILED, e.code());
            assertTrue(e.getMessage().contains("gave up after waiting 0.6 s"), e.getMessage());
            assertEquals(1, notices.get(), "announced once per wait");
            p.getOutputStream().write("\n".getBytes());
            p.getOutputStream().flush();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            try (KbLock.Hold h = waiting.shared(CancelToken.none())) {
                assertEquals(1, notices.get(), "a free lock is taken without a notice");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void ourExclusiveLockMakesAnExternalFlockWaitAndOurSharedLockLetsItsSharedLockIn() throws Exception {
        try (KbLock.Hold h = lock.exclusive(CancelToken.none())) {
            assertEquals(1, flockProbe("-x"), "flock -n -x is refused while we hold it");
            assertEquals(1, flockProbe("-s"), "flock -n -s is refused too");
        }
        assertEquals(0, flockProbe("-x"));
        try (KbLock.Hold h = lock.shared(CancelToken.none())) {
            assertEquals(0, flockProbe("-s"), "readers share across processes");
            assertEquals(1, flockProbe("-x"));
        }
    }

    private int flockProbe(String mode) throws Exception {
        Process p = new ProcessBuilder(List.of("flock", "-n", mode, file.toString(), "true")).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
