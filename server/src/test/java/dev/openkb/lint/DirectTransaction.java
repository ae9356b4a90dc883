package dev.openkb.lint;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.journal.KbTransaction;
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
 * TEST ONLY: a {@link KbTransaction} that applies every operation directly to disk with no journal,
 * so lint tests do not depend on the journal implementation. It records touched paths and refuses
 * paths outside the KB like the real one. Tests should move to the real journal once it exists.
 * Confined to the test thread.
 */
final class DirectTransaction implements KbTransaction {
    private final Path root;
    private final List<Path> touched = new ArrayList<>();

    DirectTransaction(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path kbRoot() {
        return root;
    }

    private Path check(Path p) {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(root)) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, p, "outside the KB");
        }
        if (!touched.contains(n)) {
            touched.add(n);
        }
        return n;
    }

    @Override
    public void touch(Collection<Path> paths) {
        paths.forEach(this::check);
    }

    @Override
    public void write(Path target, byte[] data) throws IOException {
        Path t = check(target);
        Path tmp = Files.createTempFile(t.getParent(), ".tx", ".tmp");
        Files.write(tmp, data);
        Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void write(Path target, InputStream in) throws IOException {
        write(target, in.readAllBytes());
    }

    @Override
    public void publish(Path staged, Path target) throws IOException {
        Files.move(staged, check(target), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(Path target) throws IOException {
        Files.deleteIfExists(check(target));
    }

    @Override
    public void deleteTree(Path dir) throws IOException {
        Path d = check(dir);
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(d)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(check(dir));
    }

    @Override
    public List<Path> touchedPaths() {
        return List.copyOf(touched);
    }
}
