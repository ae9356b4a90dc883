package dev.openkb.lsp;

import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The workspace folders and the KBs found in them, each served by one {@link KbSession}; routes a
 * path to the KB that contains it (the deepest KB root above it).
 *
 * <p>Threading: changes (initialize, folder changes, {@code openkb/init}) are serialised by this
 * object's monitor; {@code sessions} and {@code folders} are immutable lists swapped whole, read
 * by any thread without locking.
 */
final class Workspace implements AutoCloseable {
    private final OpenKb engine;
    private final OpenDocuments docs;
    private final Outbox outbox;
    private final int searchDepth;
    private volatile List<Path> folders = List.of();
    private volatile List<KbSession> sessions = List.of();

    Workspace(OpenKb engine, OpenDocuments docs, Outbox outbox, int searchDepth) {
        this.engine = engine;
        this.docs = docs;
        this.outbox = outbox;
        this.searchDepth = searchDepth;
    }

    /** Sets the folders and opens a session for each KB found; returns the sessions that are new. */
    synchronized List<KbSession> setFolders(List<Path> newFolders) {
        folders = List.copyOf(newFolders);
        List<KbSession> added = new ArrayList<>();
        for (KbLayout l : KbFinder.find(folders, searchDepth)) {
            if (find(l.root()).isEmpty()) {
                added.add(add(l));
            }
        }
        return added;
    }

    /** Opens a session for a KB (after {@code openkb/init}); the existing one if already open. */
    synchronized KbSession open(KbLayout layout) {
        return find(layout.root()).orElseGet(() -> add(layout));
    }

    /** Creates a KB in {@code dir} and opens its session. */
    synchronized KbSession init(Path dir, String model, String language) throws IOException {
        return open(engine.init(dir, model, language));
    }

    private KbSession add(KbLayout layout) {
        KbSession s = new KbSession(engine.kb(layout), docs, outbox);
        List<KbSession> next = new ArrayList<>(sessions);
        next.add(s);
        next.sort(Comparator.comparingInt((KbSession k) -> k.root().getNameCount()).reversed()
                .thenComparing(KbSession::root));
        sessions = List.copyOf(next);
        return s;
    }

    private Optional<KbSession> find(Path root) {
        return sessions.stream().filter(s -> s.root().equals(root)).findFirst();
    }

    List<Path> folders() {
        return folders;
    }

    List<KbSession> sessions() {
        return sessions;
    }

    /** The KB containing {@code path} (deepest root first). */
    Optional<KbSession> sessionFor(Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (KbSession s : sessions) {
            if (p.startsWith(s.root())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The KB whose real root is the real path of {@code dir} (symlinks resolved on both sides). */
    Optional<KbSession> sessionAtRealPath(Path dir) {
        Path real = real(dir);
        for (KbSession s : sessions) {
            if (real(s.root()).equals(real)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True when {@code dir}, symlinks resolved, lies inside one of the workspace folders. */
    boolean insideFolders(Path dir) {
        Path real = realOfNearestExisting(dir);
        return folders.stream().map(Workspace::real).anyMatch(real::startsWith);
    }

    /**
     * The KB a request is about: the one containing {@code path} when the request named one (an
     * error when no KB of the workspace contains it), else the workspace's only KB.
     */
    KbSession target(Params p, String field, Optional<Path> path) {
        if (path.isPresent()) {
            return sessionFor(path.get()).orElseThrow(() -> p.fail(path.get() + " (from '" + field
                    + "') is not inside a knowledge base of this workspace (knowledge bases: " + describeKbs() + ")"));
        }
        return only(p, "'" + field + "'");
    }

    /** The workspace's only KB; an InvalidParams error asking which one when there are none or several. */
    KbSession only(Params p, String how) {
        List<KbSession> all = sessions;
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw p.fail("no knowledge base in this workspace; create one with openkb/init");
        }
        throw p.fail("this workspace has several knowledge bases (" + describeKbs() + "); pass " + how
                + " to say which one");
    }

    String describeKbs() {
        return sessions.isEmpty() ? "none" : sessions.stream().map(s -> s.root().toString())
                .collect(Collectors.joining(", "));
    }

    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The real path of the nearest existing ancestor, with the missing tail appended. */
    static Path realOfNearestExisting(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return real(existing).resolve(existing.relativize(abs));
    }

    @Override
    public synchronized void close() {
        sessions.forEach(KbSession::close);
    }
}
