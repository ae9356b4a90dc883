package dev.openkb.service;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's entry point: one per process (the CLI makes one per command, the LSP server one for
 * its lifetime). Hands out one {@link KbService} per KB root so that every user of a KB in this
 * process shares its lock and mutation runner. Thread-safe.
 */
public final class OpenKb implements AutoCloseable {
    private final AtomicFiles files;
    private final Consumer<String> warnings;
    private final Map<Path, KbService> services = new ConcurrentHashMap<>();
    private final Clock clock;
    private final CompilerFactory compilers;
    private final KbLock.WaitPolicy lockWait;

    public OpenKb(Consumer<String> warnings) {
        this(new RealFileOps(), warnings);
    }

    /** With how lock acquisitions wait for another process: the CLI's {@code --lock-timeout} and "waiting…" line. */
    public OpenKb(Consumer<String> warnings, KbLock.WaitPolicy lockWait) {
        this(new RealFileOps(), warnings, Clock.systemDefaultZone(), CompilerFactory.standard(), lockWait);
    }

    /** With another {@link FileOps}: the reliability suite injects crashes and faults here. */
    public OpenKb(FileOps ops, Consumer<String> warnings) {
        this(ops, warnings, Clock.systemDefaultZone());
    }

    /** With a fixed clock, so log.md timestamps are reproducible (tests, byte-identical KB comparisons). */
    public OpenKb(FileOps ops, Consumer<String> warnings, Clock clock) {
        this(ops, warnings, clock, CompilerFactory.standard());
    }

    /** With another compiler choice (tests; a face that configures providers differently). */
    public OpenKb(FileOps ops, Consumer<String> warnings, Clock clock, CompilerFactory compilers) {
        this(ops, warnings, clock, compilers, KbLock.WaitPolicy.SILENT);
    }

    public OpenKb(FileOps ops, Consumer<String> warnings, Clock clock, CompilerFactory compilers, KbLock.WaitPolicy lockWait) {
        this.lockWait = lockWait;
        this.compilers = compilers;
        this.files = new AtomicFiles(ops);
        this.warnings = warnings;
        this.clock = clock;
    }

    public KbService kb(KbLayout layout) {
        return services.computeIfAbsent(layout.root(), r -> new KbService(layout, files, warnings, clock, compilers, lockWait));
    }

    public KbLayout init(Path dir, String model, String language) throws IOException {
        return new KbInit(files).init(dir, model, language);
    }

    /** {@link #init(Path, String, String)} with {@code base_url} in the config ({@code init --base-url}). */
    public KbLayout init(Path dir, String model, String language, String baseUrl) throws IOException {
        return new KbInit(files).init(dir, model, language, baseUrl);
    }

    @Override
    public void close() {
        services.values().forEach(KbService::close);
        services.clear();
    }
}
