package dev.openkb.add;

import dev.openkb.convert.ConvertRequest;
import dev.openkb.convert.ConvertedDoc;
import dev.openkb.convert.DocumentConverter;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.AtomicFiles;
import dev.openkb.journal.MutationExecutor;
import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.lock.KbLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code add}: concurrent prepare, serialised commit. Scan → hash (workers) → prefilter and name
 * reservation (scan order) → convert into private staging (workers, at most jobs + buffer in flight,
 * so memory stays bounded on huge folders) → one journaled commit per file, in scan order, on the KB's
 * mutation thread, holding the exclusive lock only for that commit.
 *
 * <p>Threading: {@link #add} runs on the caller's thread, the batch coordinator, which owns the
 * window of pending files and every staging area; workers only hash and convert. Cancellation is
 * checked between steps, never inside a commit: the file being committed ends committed or rolled
 * back, the rest report cancelled, and every staging folder of the batch is removed.
 */
public final class AddPipeline {
    private static final Logger LOG = Logger.getLogger(AddPipeline.class.getName());

    private final KbLayout layout;
    private final AtomicFiles files;
    private final KbLock lock;
    private final MutationExecutor executor;
    private final DocumentConverter converter;
    private final Predicate<Path> supported;
    private final String unsupportedMessage;
    private final DocumentCommit commit;
    private final DocumentCommitter committer;

    public AddPipeline(KbLayout layout, AtomicFiles files, KbLock lock, MutationExecutor executor,
                       DocumentConverter converter, Predicate<Path> supported, String supportedList,
                       DocumentCommitter committer, Clock clock) {
        this.layout = layout;
        this.files = files;
        this.lock = lock;
        this.executor = executor;
        this.converter = converter;
        this.supported = supported;
        this.unsupportedMessage = supportedList;
        this.commit = new DocumentCommit(layout, files, committer, clock);
        this.committer = committer;
    }

    private record Pending(ScannedFile file, String hash, Prefilter.Decision decision, Future<Prepared> prepared) {
    }

    /** A converted and analysed file and its leased staging area (closed by the coordinator). */
    private record Prepared(ConvertedDoc doc, Object analysis, StagingArea staging) {
    }

    public AddReport add(List<Path> inputs, AddOptions opts, ProgressListener listener, CancelToken cancel) throws IOException {
        return add(inputs, List.of(), opts, listener, cancel);
    }

    /**
     * {@code watch}: adds files that landed in the KB's {@code raw/}, exactly as {@link #add} adds
     * others (each is copied to {@code raw/<doc_name><ext>}, which is itself when the names agree).
     */
    public AddReport addRawDrops(List<Path> rawFiles, AddOptions opts, ProgressListener listener, CancelToken cancel) throws IOException {
        ScanResult scan = InputScanner.forRawDrops(supported, layout.openkbDir()).scan(rawFiles);
        return add(scan, scan.files(), Map.of(), opts, listener, cancel);
    }

    /**
     * Adds files and folders, then http(s) URLs (in that order). Each URL is downloaded first, one at
     * a time on this thread, into a leased private staging folder of its own (never into the live
     * {@code raw/}); from then on the download is a file like any other: hashed, prefiltered (the
     * same URL with the same content is skipped), converted and committed in its own transaction,
     * with the URL as its registry {@code path}. A URL that cannot be downloaded fails alone.
     */
    public AddReport add(List<Path> inputs, List<java.net.URI> urls, AddOptions opts, ProgressListener listener,
                         CancelToken cancel) throws IOException {
        ScanResult scan = new InputScanner(supported, layout.openkbDir()).scan(inputs);
        List<ScannedFile> scanned = new ArrayList<>(scan.files());
        Map<Integer, String> downloadFailures = new java.util.HashMap<>();
        List<StagingArea> downloads = new ArrayList<>();
        try {
            UrlDownloads fetcher = new UrlDownloads(layout, files, opts.maxDownloadBytes());
            for (java.net.URI url : urls) {
                int index = scanned.size() + 1;
                try {
                    UrlDownloads.Result d = fetcher.download(url, cancel, downloads::add, listener);
                    scanned.add(new ScannedFile(d.file(), index, true, d.url()));
                } catch (KbException e) {
                    if (e.code() == ErrorCode.CANCELLED) {
                        scanned.add(new ScannedFile(UrlDownloads.placeholder(url), index, true, url.toString()));
                        downloadFailures.put(index, "cancelled");
                        continue;
                    }
                    scanned.add(new ScannedFile(UrlDownloads.placeholder(url), index, true, url.toString()));
                    downloadFailures.put(index, e.getMessage());
                }
            }
            return add(scan, List.copyOf(scanned), downloadFailures, opts, listener, cancel);
        } finally {
            for (StagingArea d : downloads) {
                try {
                    d.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot remove download staging " + d.dir() + "; the reaper will reclaim it", e);
                }
            }
        }
    }

    private AddReport add(ScanResult scan, List<ScannedFile> scanned, Map<Integer, String> downloadFailures, AddOptions opts,
                          ProgressListener listener, CancelToken cancel) throws IOException {
        int total = scanned.size();
        FileResult[] results = new FileResult[total];
        int unsupported = scan.unsupported();
        listener.scanPassedOver(unsupported, scan.passedOver().size() - unsupported);
        listener.batchStarted(total);
        scanned.forEach(f -> listener.fileStage(f.path(), f.index(), total, FileStage.QUEUED, null));
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(opts.jobs(), new WorkerThreads());
        // The workers' stop signal: the caller's cancel, or the end of the batch (see finally).
        CancelToken workers = new CancelToken();
        Runnable unlink = cancel.register(workers::cancel);
        Deque<Pending> window = new ArrayDeque<>();
        String[] stopped = {null};
        try {
            long t0 = System.nanoTime();
            List<Future<String>> hashes = new ArrayList<>();
            for (ScannedFile f : scanned) {
                if (downloadFailures.containsKey(f.index())) {
                    hashes.add(java.util.concurrent.CompletableFuture.completedFuture(null));
                    continue;
                }
                hashes.add(pool.submit(() -> {
                    listener.fileStage(f.path(), f.index(), total, FileStage.HASHING, null);
                    return FileHasher.sha256(f.path());
                }));
            }
            Prefilter prefilter = readRegistry(cancel);
            for (ScannedFile f : scanned) {
                int i = f.index() - 1;
                String downloadFailure = downloadFailures.get(f.index());
                if (downloadFailure != null) {
                    results[i] = finish(listener, f, total, null,
                            downloadFailure.equals("cancelled") ? FileStatus.CANCELLED : FileStatus.FAILED, downloadFailure);
                    continue;
                }
                if (prefilter == null || cancel.isCancelled() || stopped[0] != null) {
                    results[i] = finish(listener, f, total, null, FileStatus.CANCELLED, stopped[0] != null ? stopped[0] : "cancelled");
                    continue;
                }
                if (f.explicit() && !supported.test(f.path())) {
                    results[i] = finish(listener, f, total, null, FileStatus.FAILED, "Unsupported file type: "
                            + extension(f.path()) + ". Supported: " + unsupportedMessage);
                    continue;
                }
                String hash;
                try {
                    hash = hashes.get(i).get();
                } catch (ExecutionException e) {
                    results[i] = finish(listener, f, total, null, FileStatus.FAILED, "cannot read: " + e.getCause().getMessage());
                    continue;
                }
                Prefilter.Decision d = prefilter.decide(f, hash);
                if (d.skipped()) {
                    results[i] = finish(listener, f, total, d.docName(), FileStatus.SKIPPED, d.skipReason());
                    continue;
                }
                while (window.size() >= opts.jobs() + opts.buffer()) {
                    commitHead(window, results, opts, listener, total, cancel, stopped);
                }
                window.add(new Pending(f, hash, d, pool.submit(() -> prepare(f, d.docName(), opts, listener, total, workers))));
            }
            while (!window.isEmpty()) {
                commitHead(window, results, opts, listener, total, cancel, stopped);
            }
            LOG.fine(() -> String.format("add: %d files in %.1f ms", total, (System.nanoTime() - t0) / 1e6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            throw new KbException(ErrorCode.CANCELLED, null, "interrupted");
        } finally {
            // Stop the workers through their token, never by interrupting them: an interrupt that
            // lands in a library's first class initialisation (PDFBox loading Log4j) breaks that class
            // for the life of the JVM. Work that never started is cancelled, or closing the window
            // below would wait for it forever; running prepares end at their next token check.
            workers.cancel();
            List<Runnable> neverStarted = new ArrayList<>();
            pool.getQueue().drainTo(neverStarted);
            for (Runnable never : neverStarted) {
                if (never instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
            pool.shutdown();
            unlink.run();
            closeAll(window);
        }
        AddReport report = new AddReport(List.of(results), scan.passedOver(), stopped[0]);
        listener.batchFinished(report.added(), report.skipped(), report.failed(), report.cancelled());
        return report;
    }

    /**
     * The registry as the batch starts, read under a brief shared lock — but only from a recovered KB.
     * A journal waiting in {@code .openkb/journal/} (a crash, or a rollback that failed) means
     * {@code hashes.json} may still hold a change that recovery will undo: deciding "already in the
     * knowledge base" from it would skip a file whose document then vanishes. So when one is waiting,
     * the exclusive lock is taken (which recovers) and the registry read under it; if the journal is
     * still there afterwards (the rollback failed again) the batch stops with DIRTY_ROLLBACK rather
     * than decide from a half-restored registry. A cancel that arrives while waiting for the lock is
     * not an error: it returns null, and every file then reports cancelled.
     */
    private Prefilter readRegistry(CancelToken cancel) {
        try {
            try (KbLock.Hold h = lock.shared(cancel)) {
                if (Recovery.pendingJournals(layout).isEmpty()) {
                    return new Prefilter(layout, Registry.load(layout));
                }
            }
            // On the mutation thread, like every exclusive acquisition: the recovery it runs is a mutation.
            return executor.call(cancel, r -> {
                List<Path> still = Recovery.pendingJournals(layout);
                if (!still.isEmpty()) {
                    throw new KbException(ErrorCode.DIRTY_ROLLBACK, still.get(0), "an interrupted change could not be rolled back, so"
                            + " the registry cannot be trusted yet; fix the cause (disk space, permissions) and run `openkb recover`");
                }
                return new Prefilter(layout, Registry.load(layout));
            });
        } catch (KbException e) {
            if (e.code() == ErrorCode.CANCELLED) {
                return null;
            }
            throw e;
        }
    }

    private Prepared prepare(ScannedFile f, String docName, AddOptions opts, ProgressListener listener, int total,
                             CancelToken cancel) throws IOException {
        cancel.throwIfCancelled();
        long t0 = System.nanoTime();
        listener.fileStage(f.path(), f.index(), total, FileStage.CONVERTING, null);
        StagingArea staging = StagingArea.create(layout, files, docName);
        try {
            ConvertedDoc doc = converter.convert(new ConvertRequest(f.path(), docName, staging.dir(), opts.pageindexThreshold(), cancel));
            // Private from here to publication: the published files keep these modes.
            DocModes.restrict(files.ops(), DocumentCommit.stagedFiles(staging.dir()), DocModes.of(f.path()));
            cancel.throwIfCancelled();
            Object analysis = committer.analyze(doc); // outside the lock: the commit only merges it
            listener.fileStage(f.path(), f.index(), total, FileStage.PREPARED, null);
            LOG.fine(() -> String.format("prepare %s: %.1f ms", f.path().getFileName(), (System.nanoTime() - t0) / 1e6));
            return new Prepared(doc, analysis, staging);
        } catch (IOException | RuntimeException e) {
            staging.close();
            if (e instanceof IOException io && !(io instanceof java.nio.file.FileSystemException)) {
                // Converters write staging through the JDK, which names no file for ENOSPC or EIO:
                // name the folder being written (on the disk that is full) and the document.
                java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(staging.dir().toString(), null,
                        io.getMessage() + " (while converting " + f.path() + ")");
                named.initCause(io);
                throw KbException.fromIo(named);
            }
            throw e;
        }
    }

    private void commitHead(Deque<Pending> window, FileResult[] results, AddOptions opts, ProgressListener listener,
                            int total, CancelToken cancel, String[] stopped) throws InterruptedException {
        Pending p = window.poll();
        ScannedFile f = p.file();
        int i = f.index() - 1;
        Prepared prepared = null;
        try {
            prepared = p.prepared().get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            boolean cancelled = c instanceof KbException k && k.code() == ErrorCode.CANCELLED;
            results[i] = finish(listener, f, total, p.decision().docName(), cancelled ? FileStatus.CANCELLED : FileStatus.FAILED,
                    cancelled ? "cancelled" : reason(c));
            return;
        }
        try {
            if (cancel.isCancelled() || stopped[0] != null) {
                results[i] = finish(listener, f, total, p.decision().docName(), FileStatus.CANCELLED,
                        stopped[0] != null ? stopped[0] : "cancelled");
                return;
            }
            PreparedDoc doc = new PreparedDoc(f, p.hash(), p.decision().docName(), p.decision().registryPath(),
                    prepared.doc(), prepared.staging().dir(), prepared.analysis());
            results[i] = commitOne(doc, opts, listener, total, cancel);
        } catch (KbException e) {
            // A lock that could not be taken (the caller's lock timeout) cannot be taken for the
            // next file either: stop instead of making each remaining file wait out the timeout.
            if (e.code() == ErrorCode.DIRTY_ROLLBACK || e.code() == ErrorCode.LOCK_FAILED) {
                stopped[0] = "batch stopped: " + e.getMessage();
            }
            results[i] = finish(listener, f, total, p.decision().docName(),
                    e.code() == ErrorCode.CANCELLED ? FileStatus.CANCELLED : FileStatus.FAILED, reason(e));
        } finally {
            closeQuietly(prepared);
        }
    }

    private FileResult commitOne(PreparedDoc doc, AddOptions opts, ProgressListener listener, int total, CancelToken cancel) {
        ScannedFile f = doc.file();
        listener.fileStage(f.path(), f.index(), total, FileStage.COMMITTING, "lock");
        long queued = System.nanoTime();
        return executor.call(cancel, runner -> {
            long locked = System.nanoTime();
            Registry fresh = Registry.load(layout);
            if (fresh.isKnown(doc.hash())) {
                return finish(listener, f, total, fresh.get(doc.hash()).get().docName(), FileStatus.SKIPPED,
                        "added meanwhile by another process");
            }
            String name = Prefilter.docName(f, layout, fresh);
            if (!name.equals(doc.docName())) {
                return recommitUnderName(doc, name, opts, runner, listener, total);
            }
            runner.run("add", details(doc), tx -> {
                commit.run(doc, tx, stage -> listener.fileStage(f.path(), f.index(), total, FileStage.COMMITTING, stage));
                return null;
            });
            LOG.fine(() -> String.format("commit %s: lock wait %.1f ms, commit %.1f ms", f.path().getFileName(),
                    (locked - queued) / 1e6, (System.nanoTime() - locked) / 1e6));
            return finish(listener, f, total, doc.docName(), FileStatus.ADDED, null);
        });
    }

    /**
     * The name reserved at prepare time is no longer what the registry gives (an earlier file of the
     * batch failed, or another process added a same-stem document): convert again under the right
     * name, here under the lock, so the result is exactly what a serial add would produce.
     */
    private FileResult recommitUnderName(PreparedDoc doc, String name, AddOptions opts, dev.openkb.journal.MutationRunner runner,
                                         ProgressListener listener, int total) throws IOException {
        ScannedFile f = doc.file();
        try (StagingArea staging = StagingArea.create(layout, files, name)) {
            ConvertedDoc converted = converter.convert(new ConvertRequest(f.path(), name, staging.dir(),
                    opts.pageindexThreshold(), CancelToken.none()));
            DocModes.restrict(files.ops(), DocumentCommit.stagedFiles(staging.dir()), DocModes.of(f.path()));
            // Converted again under another name: the compiler analyses the published text itself.
            PreparedDoc renamed = new PreparedDoc(f, doc.hash(), name, doc.registryPath(), converted, staging.dir(), null);
            runner.run("add", details(renamed), tx -> {
                commit.run(renamed, tx, stage -> listener.fileStage(f.path(), f.index(), total, FileStage.COMMITTING, stage));
                return null;
            });
        }
        return finish(listener, f, total, name, FileStatus.ADDED, null);
    }

    private static Map<String, Object> details(PreparedDoc doc) {
        return Map.of("file_hash", doc.hash(), "name", doc.file().path().getFileName().toString(), "doc_name", doc.docName());
    }

    private static FileResult finish(ProgressListener l, ScannedFile f, int total, String docName, FileStatus s, String reason) {
        l.fileDone(f.path(), f.index(), total, docName, s, reason);
        return new FileResult(f.path(), docName, s, reason, f.url());
    }

    private static String reason(Throwable t) {
        if (t instanceof KbException k) {
            return k.getMessage();
        }
        if (t instanceof IOException io) {
            return KbException.fromIo(io).getMessage();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "(none)" : n.substring(dot);
    }

    /**
     * Waits for a pending prepare to end (converters check the cancel token between pages, so this
     * is short) and removes its staging: a prepare that finished after we gave up on it would
     * otherwise keep its lease and folder.
     */
    private void closeQuietly(Pending p) {
        boolean interrupted = false;
        while (true) {
            try {
                closeQuietly(p.prepared().get());
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break; // a failed prepare closed its own staging
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes every pending prepare's staging. One that fails even with an Error (the disk is gone,
     * memory is out) must not keep the others' leases held: the reaper can take a folder only once
     * its lease is free, and in a long-lived server that is not at process exit.
     */
    private void closeAll(Deque<Pending> window) {
        Error first = null;
        while (!window.isEmpty()) {
            try {
                closeQuietly(window.poll());
            } catch (Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly(Prepared p) {
        if (p == null) {
            return;
        }
        try {
            p.staging().close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove staging " + p.staging().dir() + "; the reaper will reclaim it", e);
        }
    }

    /** Daemon worker threads with readable names, so a stuck converter never keeps the JVM alive. */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "openkb-prepare-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
