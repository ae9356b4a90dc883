package dev.openkb.pageindex;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.journal.KbTransaction;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * TEST ONLY. A {@link KbTransaction} that applies every operation directly to disk, with no undo
 * journal and no rollback, and records the operations in order so tests can check what was journaled
 * and when. Stands in until the real journaled transaction exists; tests should then switch to it.
 * Confined to one test thread.
 */
final class DirectTransaction implements KbTransaction {
    private final KbLayout layout;
    private final List<Path> touched = new ArrayList<>();
    /** "touch x", "write x", "publish x", "delete x"... with KB-relative paths, in call order. */
    final List<String> log = new ArrayList<>();

    DirectTransaction(KbLayout layout) {
        this.layout = layout;
    }

    @Override
    public Path kbRoot() {
        return layout.root();
    }

    @Override
    public void touch(Collection<Path> paths) {
        for (Path p : paths) {
            Path abs = inside(p);
            log.add("touch " + layout.relative(abs));
            if (!touched.contains(abs)) {
                touched.add(abs);
            }
        }
    }

    @Override
    public void write(Path target, byte[] data) throws IOException {
        Path abs = prepare(target, "write");
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void write(Path target, InputStream in) throws IOException {
        write(target, in.readAllBytes());
    }

    @Override
    public void publish(Path staged, Path target) throws IOException {
        Path abs = prepare(target, "publish");
        Files.move(staged, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(Path target) throws IOException {
        Files.deleteIfExists(prepare(target, "delete"));
    }

    @Override
    public void deleteTree(Path dir) throws IOException {
        Path abs = prepare(dir, "deleteTree");
        if (!Files.exists(abs)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(abs)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(inside(dir));
    }

    @Override
    public List<Path> touchedPaths() {
        return List.copyOf(touched);
    }

    private Path prepare(Path target, String op) throws IOException {
        Path abs = inside(target);
        if (!touched.contains(abs)) {
            touched.add(abs);
        }
        log.add(op + " " + layout.relative(abs));
        Files.createDirectories(abs.getParent());
        return abs;
    }

    private Path inside(Path p) {
        if (!layout.contains(p)) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, p, "outside the KB");
        }
        return p.toAbsolutePath().normalize();
    }
}
