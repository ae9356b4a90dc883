package dev.openkb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.AddReport;
import dev.openkb.add.FileResult;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.ForwardingFileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk as the JDK reports it: {@code FileChannel.write} and {@code force} throw a plain
 * IOException holding only "No space left on device". What reaches the user must still say which
 * file (issue 12 item 9).
 */
class IoErrorPathTest {
    @TempDir
    Path dir;

    /** Real file operations, except that the first one {@code due} accepts fails as the JDK fails it on ENOSPC. */
    private static final class DiskFullOnce extends ForwardingFileOps {
        private final AtomicBoolean fired = new AtomicBoolean();
        private final Predicate<String> due;

        DiskFullOnce(Predicate<String> due) {
            super(new RealFileOps());
            this.due = due;
        }

        private void maybeFail(String op, Path p) throws IOException {
            if (due.test(op + " " + p) && fired.compareAndSet(false, true)) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void createFile(Path file, InputStream in) throws IOException {
            maybeFail("createFile", file);
            super.createFile(file, in);
        }

        @Override
        public void syncDirectory(Path d) throws IOException {
            maybeFail("syncDirectory", d);
            super.syncDirectory(d);
        }

        @Override
        public void syncFile(Path file) throws IOException {
            maybeFail("syncFile", file);
            super.syncFile(file);
        }
    }

    private FileResult addOne(KbLayout kb, FileOps ops) throws IOException {
        Path doc = Fixtures.write(dir.resolve("in").resolve("paper.md"), "# Paper\n\nText about Project Falcon.\n");
        try (OpenKb engine = new OpenKb(ops, w -> { })) {
            AddReport r = engine.kb(kb).add(List.of(doc), 1, ProgressListener.NONE, CancelToken.none());
            return r.files().get(0);
        }
    }

    @Test
    void aFullDiskWhileSyncingAPublishedFileNamesThatFile() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        FileResult f = addOne(kb, new DiskFullOnce(line -> line.startsWith("syncFile ") && line.contains("/staging/add-")));
        assertEquals(FileStatus.FAILED, f.status());
        assertTrue(f.reason().matches("IO_ERROR: " + java.util.regex.Pattern.quote(kb.stagingDir().toString())
                + "/add-paper-[0-9a-f]{8}/\\S+: No space left on device"), f.reason());
        assertEquals(0, Registry.load(kb).size(), "rolled back");
    }

    @Test
    void aFullDiskWhileWritingAPageNamesThatPage() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        FileResult f = addOne(kb, new DiskFullOnce(line -> line.startsWith("createFile ") && line.contains(".index.md.")));
        assertEquals(FileStatus.FAILED, f.status());
        assertTrue(f.reason().startsWith("IO_ERROR: ") && f.reason().contains(".index.md.")
                && f.reason().endsWith(": No space left on device"), f.reason());
    }
}
