package dev.openkb.testing;

import dev.openkb.kb.KbTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link KbTransaction} that passes every call on to a real transaction and first records it as
 * "touch x", "write x", "publish x", "delete x", "deleteTree x" or "mkdirs x" (x KB-relative, POSIX),
 * in call order, so tests can check what a step journals and when. A call is recorded even when the
 * real transaction then refuses it. Confined to the mutation thread, like the transaction it wraps.
 */
public final class RecordingTransaction implements KbTransaction {
    private final KbTransaction real;
    private final Path root;
    private final List<String> log = new ArrayList<>();

    public RecordingTransaction(KbTransaction real) {
        this.real = real;
        this.root = real.kbRoot().toAbsolutePath().normalize();
    }

    /** The calls so far, oldest first. */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public Path kbRoot() {
        return real.kbRoot();
    }

    @Override
    public void touch(Collection<Path> paths) throws IOException {
        paths.forEach(p -> record("touch", p));
        real.touch(paths);
    }

    @Override
    public void write(Path target, byte[] data) throws IOException {
        record("write", target);
        real.write(target, data);
    }

    @Override
    public void write(Path target, InputStream in) throws IOException {
        record("write", target);
        real.write(target, in);
    }

    @Override
    public void publish(Path staged, Path target) throws IOException {
        record("publish", target);
        real.publish(staged, target);
    }

    @Override
    public void delete(Path target) throws IOException {
        record("delete", target);
        real.delete(target);
    }

    @Override
    public void deleteTree(Path dir) throws IOException {
        record("deleteTree", dir);
        real.deleteTree(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        record("mkdirs", dir);
        real.createDirectories(dir);
    }

    @Override
    public List<Path> touchedPaths() {
        return real.touchedPaths();
    }

    /** Paths outside the KB (which the real transaction refuses) are recorded as given. */
    private void record(String op, Path p) {
        Path n = p.toAbsolutePath().normalize();
        String shown = n.startsWith(root) ? root.relativize(n).toString().replace('\\', '/') : p.toString();
        log.add(op + " " + shown);
    }
}
