package dev.openkb.service;

import dev.openkb.engine.CancelToken;
import dev.openkb.io.AtomicFiles;
import dev.openkb.journal.CommitListener;
import dev.openkb.journal.MutationExecutor;
import dev.openkb.journal.MutationRunner;
import dev.openkb.journal.Quarantine;
import dev.openkb.journal.Recovery;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.add.AddOptions;
import dev.openkb.add.AddPipeline;
import dev.openkb.add.AddReport;
import dev.openkb.convert.Converters;
import dev.openkb.convert.PdfConverter;
import dev.openkb.convert.SupportedTypes;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.ProgressListener;
import dev.openkb.recompile.RecompileReport;
import dev.openkb.recompile.Recompiler;
import dev.openkb.engine.KbException;
import dev.openkb.kb.OperationLog;
import dev.openkb.kb.Registry;
import dev.openkb.lint.FixResult;
import dev.openkb.lint.LinkFixer;
import dev.openkb.lint.LintMemo;
import dev.openkb.lint.LintReportWriter;
import dev.openkb.lint.LintState;
import dev.openkb.lint.Linter;
import dev.openkb.lint.ParseCache;
import dev.openkb.lint.WikiIndex;
import java.time.LocalDateTime;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.remove.DocumentRemover;
import dev.openkb.watch.RawWatcher;
import dev.openkb.graph.GraphWriter;
import dev.openkb.remove.RemoveOptions;
import dev.openkb.remove.RemovePlan;
import dev.openkb.remove.RemoveReport;
import dev.openkb.rename.PageRenamer;
import dev.openkb.rename.RenamePlan;
import dev.openkb.rename.RenameReport;
import java.time.Clock;
import java.time.Duration;
import dev.openkb.lock.KbLock;
import dev.openkb.query.Queries;
import dev.openkb.search.KbSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The engine API for one KB, shared by the CLI and the LSP server. It owns the KB's lock (whose
 * every outermost exclusive acquisition runs recovery first) and the mutation runner. Reads take
 * the shared lock; mutations take the exclusive lock for one commit at a time.
 *
 * <p>Threading: thread-safe. Every exclusive acquisition — so every recovery — happens on the KB's
 * one mutation thread ({@link MutationExecutor}); {@code lastRecovery} is written there and read by
 * anyone (volatile).
 */
public final class KbService implements AutoCloseable {
    private final KbLayout layout;
    private final AtomicFiles files;
    private final KbLock lock;
    private final MutationRunner runner;
    private final MutationExecutor executor;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final CompilerFactory compilers;
    private volatile RecoveryReport lastRecovery = RecoveryReport.empty();
    private final KbSearch search;
    private final Queries queries;

    public KbService(KbLayout layout, AtomicFiles files, Consumer<String> warnings, Clock clock, CompilerFactory compilers) {
        this(layout, files, warnings, clock, compilers, KbLock.WaitPolicy.SILENT);
    }

    /** With how a lock acquisition waits for another process (timeout, and the "waiting…" notice). */
    public KbService(KbLayout layout, AtomicFiles files, Consumer<String> warnings, Clock clock, CompilerFactory compilers,
                     KbLock.WaitPolicy lockWait) {
        this.compilers = compilers;
        this.layout = layout;
        this.clock = clock;
        this.files = files;
        this.warnings = warnings;
        this.lock = new KbLock(layout.lockFile(), l -> recoverHoldingLock(), lockWait);
        this.runner = new MutationRunner(layout, files, lock, warnings);
        this.executor = new MutationExecutor(lock, runner, layout.root().getFileName().toString());
        this.search = new KbSearch(layout, warnings);
        runner.onCommit((operation, touched) -> search.committed(touched));
        this.queries = new Queries(layout, executor, search, l -> compilers.answerer(config(), l, search::index), clock, warnings);
    }

    /** The KB's full-text index (opened on first use, kept in step with every commit). */
    public KbSearch search() {
        return search;
    }

    /** {@code openkb query}: answers, logs and optionally saves questions about this KB. */
    public Queries queries() {
        return queries;
    }

    /** {@code openkb chat}'s sessions ({@code .openkb/chats/}). */
    public dev.openkb.chat.ChatStore chats() {
        return new dev.openkb.chat.ChatStore(layout, files);
    }

    /** {@code /save} in {@code openkb chat}: the session as an exploration page, one journaled transaction. */
    public Path saveChat(dev.openkb.chat.ChatSession session, String name, CancelToken cancel) {
        return dev.openkb.chat.ChatTranscript.save(layout, executor, session, name, cancel);
    }

    public KbLayout layout() {
        return layout;
    }

    // The four below are the service's internals, package-private so nothing outside the service
    // can take the lock, run a raw transaction or bypass the mutation thread. Tests reach them
    // through dev.openkb.service.KbInternals (test sources) to plant crashes and faults.
    KbLock lock() {
        return lock;
    }

    MutationRunner runner() {
        return runner;
    }

    /** The KB's one mutation thread: every mutation of this KB in this process runs there. */
    MutationExecutor executor() {
        return executor;
    }

    AtomicFiles files() {
        return files;
    }

    /**
     * Tells {@code listener} the paths every mutation of this KB in this process touches, once it is
     * committed (on the mutation thread: hand them on and return), until the handle is closed.
     */
    public AutoCloseable onCommit(CommitListener listener) {
        return runner.onCommit(listener);
    }

    public KbConfig config() {
        return KbConfig.load(layout.config());
    }

    /**
     * Takes the exclusive lock (which recovers), and returns what that recovery did. Like every
     * change to the KB, recovery runs on the KB's mutation thread, never on the caller's.
     */
    public RecoveryReport recover(CancelToken cancel) {
        return executor.call(cancel, r -> lastRecovery);
    }

    /** {@link #recover(CancelToken)}, giving up with {@code LOCK_FAILED} when the lock is not had within {@code lockTimeout}. */
    public RecoveryReport recover(CancelToken cancel, Duration lockTimeout) {
        return executor.call(cancel, lockTimeout, r -> lastRecovery);
    }

    /** What the most recent recovery did (empty before the first exclusive acquisition). */
    public RecoveryReport lastRecovery() {
        return lastRecovery;
    }

    public StatusReport status(CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            Map<String, Integer> pages = new LinkedHashMap<>();
            pages.put("sources", countMd(layout.sourcesDir()));
            pages.put("summaries", countMd(layout.summariesDir()));
            pages.put("concepts", countMd(layout.conceptsDir()));
            pages.put("entities", countMd(layout.entitiesDir()));
            pages.put("reports", countMd(layout.reportsDir()));
            List<String> pending = Recovery.pendingJournals(layout).stream()
                    .map(p -> p.getFileName().toString()).toList();
            return new StatusReport(layout.root(), Registry.load(layout).size(), countFiles(layout.rawDir()), pages,
                    pending, config().model(), lastLogEntry(), Quarantine.list(layout));
        }
    }

    /**
     * Adds files and folders: concurrent prepare, one journaled commit per file in scan order.
     *
     * @param jobs prepare workers, or null for the config's {@code file_processing_jobs}
     */
    public AddReport add(List<Path> inputs, Integer jobs, ProgressListener listener, CancelToken cancel) throws IOException {
        return add(inputs, List.of(), jobs, listener, cancel);
    }

    /**
     * Adds files and folders, then http(s) URLs, each URL downloaded into private staging first (at
     * most {@code max_download_mb} from the KB's config) and then added like a file.
     */
    public AddReport add(List<Path> inputs, List<java.net.URI> urls, Integer jobs, ProgressListener listener,
                         CancelToken cancel) throws IOException {
        KbConfig config = config();
        return pipeline(config).add(inputs, urls, addOptions(config, jobs), listener, cancel);
    }

    /** {@code watch}: adds files that landed in {@code raw/} through the same pipeline as {@link #add}. */
    public AddReport addRawDrops(List<Path> rawFiles, Integer jobs, ProgressListener listener, CancelToken cancel) throws IOException {
        KbConfig config = config();
        return pipeline(config).addRawDrops(rawFiles, addOptions(config, jobs), listener, cancel);
    }

    /**
     * {@code watch}: adds every supported file that lands in {@code raw/} (see {@link RawWatcher})
     * until {@code cancel}; each settled group is one add batch reported to {@code listener}. A batch
     * stopped by a failed rollback ends the watch with {@code DIRTY_ROLLBACK} (the journal waits for
     * recovery); a cancelled batch ends it cleanly, its staging removed.
     *
     * @param ready runs once raw/ is being watched
     */
    public void watch(Integer jobs, RawWatcher.Settings settings, ProgressListener listener, CancelToken cancel, Runnable ready)
            throws IOException {
        new RawWatcher(layout.rawDir(), SupportedTypes::isSupported, settings).run(landed -> {
            AddReport r = addRawDrops(landed, jobs, listener, cancel);
            if (r.stoppedReason() != null) {
                throw new KbException(ErrorCode.DIRTY_ROLLBACK, layout.journalDir(), r.stoppedReason());
            }
        }, cancel, ready);
    }

    private AddPipeline pipeline(KbConfig config) {
        return new AddPipeline(layout, files, lock, executor, new Converters(new PdfConverter()),
                SupportedTypes::isSupported, SupportedTypes.sortedList(),
                new dev.openkb.add.StandardCommitter(layout, config, compilers.create(config, layout), warnings), clock);
    }

    private static AddOptions addOptions(KbConfig config, Integer jobs) {
        return new AddOptions(jobs == null ? config.jobs() : jobs, config.bufferSize(), config.pageindexThreshold(),
                config.maxDownloadMb() * 1024L * 1024L);
    }

    /** Recompiles one document ({@code docName}) or every document ({@code null}), one transaction each. */
    public RecompileReport recompile(String docName, boolean dryRun, CancelToken cancel) {
        KbConfig config = config();
        Recompiler recompiler = new Recompiler(layout, config, compilers.create(config, layout), clock);
        return recompiler.run(docName, dryRun, executor, cancel);
    }

    /** The registered documents, in registry order (OpenKB's {@code list}). */
    public List<RegistryEntry> documents(CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            return Registry.load(layout).entries();
        }
    }

    /** {@code openkb list}: the documents with their types and when they were added, and page counts per kind. */
    public Catalog catalog(CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            return CatalogReader.read(layout);
        }
    }

    /**
     * {@code openkb visualize}: writes the wiki's graph to {@code output/visualize/graph.html} (a
     * generated file, not KB state) from a snapshot read under the shared lock; returns its path.
     */
    public Path visualize(CancelToken cancel) {
        WikiIndex index;
        try (KbLock.Hold h = lock.shared(cancel)) {
            index = WikiIndex.build(layout);
        }
        GraphWriter.write(layout, files, index);
        return GraphWriter.target(layout);
    }

    /** What {@link #remove} would do; changes nothing. */
    public RemovePlan planRemove(String identifier, RemoveOptions opts, CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            return remover().plan(identifier, opts);
        } catch (IOException e) {
            throw KbException.fromIo(e);
        }
    }

    /**
     * Removes one document in one journaled transaction (a dry run only plans). The plan is made
     * again under the exclusive lock, so it reflects the KB as the transaction sees it.
     */
    public RemoveReport remove(String identifier, RemoveOptions opts, CancelToken cancel) {
        DocumentRemover remover = remover();
        return executor.call(cancel, r -> {
            RemovePlan plan = remover.plan(identifier, opts);
            if (opts.dryRun()) {
                return new RemoveReport(plan, false, 0);
            }
            int fixed = r.run("remove", Map.of("doc_name", plan.docName(), "name", String.valueOf(plan.entry().name())),
                    tx -> remover.execute(plan, opts, tx));
            return new RemoveReport(plan, true, fixed);
        });
    }

    /**
     * Renames a wiki page and rewrites every link to it in one journaled transaction (a dry run only
     * plans). {@code page}: its key, unique stem or KB-relative path; {@code newName}: the new name in
     * the same folder. The plan is made under the exclusive lock, from the texts the transaction rewrites.
     */
    public RenameReport renamePage(String page, String newName, boolean dryRun, CancelToken cancel) {
        PageRenamer renamer = new PageRenamer(layout, clock);
        return executor.call(cancel, r -> {
            RenamePlan plan = renamer.plan(page, newName);
            if (dryRun) {
                return new RenameReport(plan.oldKey(), plan.newKey(), plan.changedPages(), plan.linkCount(), false);
            }
            return r.run("rename", Map.of("page", plan.oldKey(), "new_page", plan.newKey()),
                    tx -> renamer.execute(plan, tx));
        });
    }

    /**
     * A full structural lint of the KB as it is on disk, under the shared lock; pages unchanged since
     * the last lint come from the persisted parse cache (see {@link ParseCache}).
     */
    public LintState lint(CancelToken cancel) {
        return lintResult(cancel).state();
    }

    /**
     * {@link #lint}, saying whether the findings are the memo of an earlier lint of unchanged inputs
     * ({@link LintMemo}): then neither the parse cache nor a page is read.
     */
    public LintMemo.Result lintResult(CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            return LintMemo.lint(layout, files, clock.instant(), LintMemo.PROGRAM,
                    () -> Linter.lint(ParseCache.build(layout, files, clock.instant())));
        }
    }

    /** {@code lint --fix}: repairs every broken wikilink in one journaled transaction. */
    public FixResult fixLinks(CancelToken cancel) {
        return executor.call(cancel, r -> r.run("lint_fix", Map.of(),
                tx -> LinkFixer.fix(WikiIndex.build(layout), layout, tx, null)));
    }

    /**
     * OpenKB's knowledge (LLM) lint with {@code model}, under the shared lock as OpenKB runs it, so
     * no add or remove changes the wiki while the agent reads it. A model failure is the report's
     * text ({@code Knowledge lint failed: ...}), not an exception.
     */
    public String knowledgeLint(dev.openkb.agent.ChatModel model, CancelToken cancel) {
        try (KbLock.Hold h = lock.shared(cancel)) {
            return new dev.openkb.agent.KnowledgeLint(model, layout.wikiDir(), config().language()).run(cancel);
        }
    }

    /** Writes {@code wiki/reports/lint_<ts>.md} and its {@code lint} log line in one transaction. */
    public Path writeLintReport(String structuralReport, CancelToken cancel) {
        return writeLintReport(structuralReport, LintReportWriter.SEMANTIC_NOT_RUN, cancel);
    }

    /** {@link #writeLintReport(String, CancelToken)} with the knowledge lint's report under "Semantic". */
    public Path writeLintReport(String structuralReport, String semanticReport, CancelToken cancel) {
        return executor.call(cancel, r -> {
            Path written = r.run("lint", Map.of(), tx -> {
                LocalDateTime now = LocalDateTime.now(clock);
                Path report = LintReportWriter.write(tx, layout, structuralReport, semanticReport, now);
                OperationLog.append(tx, layout, now, "lint", "report → " + report.getFileName());
                return report;
            });
            // Still on the mutation thread under the lock: no other writer of this process can come between.
            LintMemo.reportWritten(layout, files, LintMemo.PROGRAM, written);
            return written;
        });
    }

    private DocumentRemover remover() {
        return new DocumentRemover(layout, clock);
    }

    private void recoverHoldingLock() {
        RecoveryReport r = new Recovery(layout, files).run();
        lastRecovery = r;
        for (String line : r.lines()) {
            warnings.accept(line);
        }
    }

    private String lastLogEntry() {
        try {
            if (!Files.exists(layout.logMd())) {
                return null;
            }
            List<String> lines = Files.readAllLines(layout.logMd(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("## [")) {
                    return lines.get(i).substring(3);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int countMd(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        executor.close();
        search.close();
        lock.close();
    }

}
