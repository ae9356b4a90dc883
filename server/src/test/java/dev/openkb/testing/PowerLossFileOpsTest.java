package dev.openkb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.io.RealFileOps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-loss model itself: what an unsynced directory or unforced file may lose, and what it may not. */
class PowerLossFileOpsTest {
    @TempDir
    Path dir;

    @FunctionalInterface
    interface Steps {
        void run(PowerLossFileOps ops, Path root) throws IOException;
    }

    /** Runs {@code steps} on a fresh tree for 40 seeds, cuts the power, and collects what each disk shows. */
    private Set<String> outcomes(Steps steps, Describe describe) throws IOException {
        Set<String> seen = new HashSet<>();
        for (int seed = 1; seed <= 40; seed++) {
            Path root = Files.createDirectories(Files.createTempDirectory(dir, "run").resolve("kb"));
            Fixtures.write(root.resolve("d/old.md"), "old");
            PowerLossFileOps ops = new PowerLossFileOps(new RealFileOps(), root, root.resolveSibling("hidden"));
            steps.run(ops, root);
            ops.powerLoss(new Random(seed));
            seen.add(describe.of(root));
        }
        return seen;
    }

    @FunctionalInterface
    interface Describe {
        String of(Path root) throws IOException;
    }

    private static void create(PowerLossFileOps ops, Path f, String text) throws IOException {
        ops.createFile(f, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String content(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f) : "absent";
    }

    @Test
    void anUnsyncedCreationMayBeLostASyncedOneNever() throws IOException {
        assertEquals(Set.of("new", "absent"), outcomes((ops, r) -> create(ops, r.resolve("d/new.md"), "new"),
                r -> content(r.resolve("d/new.md"))));
        assertEquals(Set.of("new"), outcomes((ops, r) -> {
            create(ops, r.resolve("d/new.md"), "new");
            ops.syncDirectory(r.resolve("d"));
        }, r -> content(r.resolve("d/new.md"))));
    }

    @Test
    void anUnsyncedReplaceMayRevertToTheOldFileAndTheTempComesBackWithIt() throws IOException {
        Set<String> seen = outcomes((ops, r) -> {
            create(ops, r.resolve("d/.old.md.tmp"), "new");
            ops.syncDirectory(r.resolve("d"));
            ops.rename(r.resolve("d/.old.md.tmp"), r.resolve("d/old.md"));
        }, r -> content(r.resolve("d/old.md")) + "+" + content(r.resolve("d/.old.md.tmp")));
        assertEquals(Set.of("new+absent", "old+new"), seen);
    }

    @Test
    void losingAFoldersOwnEntryLosesWhatWasSyncedInsideIt() throws IOException {
        Set<String> seen = outcomes((ops, r) -> {
            ops.createDirectory(r.resolve("e"));
            create(ops, r.resolve("e/f.md"), "f");
            ops.syncDirectory(r.resolve("e"));
        }, r -> content(r.resolve("e/f.md")));
        assertEquals(Set.of("f", "absent"), seen, "only syncing the parent of e makes e/f.md durable");
    }

    @Test
    void aDeletionMayBeUndoneWithTheOriginalBytes() throws IOException {
        assertEquals(Set.of("old", "absent"), outcomes((ops, r) -> ops.delete(r.resolve("d/old.md")),
                r -> content(r.resolve("d/old.md"))));
    }

    @Test
    void unforcedDataMayBeTornForcedDataNever() throws IOException {
        String text = "x".repeat(1000);
        Steps publish = (ops, r) -> {
            Files.writeString(r.resolve("staged.md"), text); // written outside FileOps: no force
            ops.rename(r.resolve("staged.md"), r.resolve("d/pub.md"));
            ops.syncDirectory(r.resolve("d"));
        };
        Set<String> torn = outcomes(publish, r -> Long.toString(Files.size(r.resolve("d/pub.md"))));
        assertTrue(torn.size() > 1 && torn.contains("1000"), "some seeds tear the data, some keep it: " + torn);
        assertEquals(Set.of("1000"), outcomes((ops, r) -> {
            Files.writeString(r.resolve("staged.md"), text);
            ops.syncFile(r.resolve("staged.md"));
            ops.rename(r.resolve("staged.md"), r.resolve("d/pub.md"));
            ops.syncDirectory(r.resolve("d"));
        }, r -> Long.toString(Files.size(r.resolve("d/pub.md")))));
    }
}
