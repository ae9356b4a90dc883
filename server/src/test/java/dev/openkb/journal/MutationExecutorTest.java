package dev.openkb.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the mutation thread reports what its work threw, and that callers' interrupts never cut work short. */
class MutationExecutorTest {
    @TempDir
    Path dir;
    KbLock lock;
    MutationExecutor executor;

    @BeforeEach
    void setUp() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        AtomicFiles files = new AtomicFiles(new RealFileOps());
        lock = new KbLock(kb.lockFile(), l -> new Recovery(kb, files).run());
        executor = new MutationExecutor(lock, new MutationRunner(kb, files, lock, w -> { }), "test");
    }

    @AfterEach
    void tearDown() {
        executor.close();
        lock.close();
    }

    @Test
    void anIoErrorOfTheWorkBecomesAnIoErrorWithItsMessage() {
        KbException e = assertThrows(KbException.class, () -> executor.call(CancelToken.none(), r -> {
            throw new IOException("disk on fire");
        }));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
    }

    @Test
    void aKbExceptionPassesThroughAndAnErrorIsNotWrapped() {
        KbException mine = new KbException(ErrorCode.INVALID_ARGUMENT, null, "bad");
        assertSame(mine, assertThrows(KbException.class, () -> executor.call(CancelToken.none(), r -> {
            throw mine;
        })));
        assertThrows(StackOverflowError.class, () -> executor.call(CancelToken.none(), r -> {
            throw new StackOverflowError();
        }));
        KbException other = assertThrows(KbException.class, () -> executor.call(CancelToken.none(), r -> {
            throw new IllegalStateException("a bug");
        }));
        assertEquals(ErrorCode.IO_ERROR, other.code());
        assertTrue(other.getMessage().contains("a bug"), other.getMessage());
    }

    @Test
    void anInterruptedCallerStillWaitsForTheWorkToFinishAndKeepsItsInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interruptKept = new AtomicBoolean();
        String[] result = new String[1];
        Thread caller = new Thread(() -> {
            result[0] = executor.call(CancelToken.none(), r -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "finished";
            });
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        started.await();
        caller.interrupt();
        release.countDown();
        caller.join();
        assertEquals("finished", result[0]);
        assertTrue(interruptKept.get());
    }
}
