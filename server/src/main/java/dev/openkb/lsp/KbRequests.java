package dev.openkb.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.lint.LintCodes;
import dev.openkb.lint.LintReport;
import dev.openkb.remove.RemoveOptions;
import dev.openkb.remove.RemovePlan;
import dev.openkb.remove.RemoveReport;
import dev.openkb.service.StatusReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code openkb/*} requests other than add: recover, lint, status, documents, remove, init.
 * Params are checked on the reader thread (a bad request fails before anything runs); the work runs
 * as an {@link Operations} entry, and every request that changed the KB reloads its snapshot, so
 * diagnostics are republished before the answer goes out. Stateless apart from the shared context.
 */
final class KbRequests {
    private final ServerContext ctx;

    KbRequests(ServerContext ctx) {
        this.ctx = ctx;
    }

    CompletableFuture<Protocol.RecoverResult> recover(JsonElement json) {
        Params p = Params.of("openkb/recover", json);
        KbSession kb = target(p);
        return ctx.operations().start(null, cancel -> {
            RecoveryReport r = kb.service().recover(cancel);
            reloadQuietly(kb);
            return recoverResult(kb.layout(), r);
        });
    }

    static Protocol.RecoverResult recoverResult(KbLayout layout, RecoveryReport r) {
        return new Protocol.RecoverResult(Uris.toUri(layout.root()),
                r.rolledBack().stream().map(b -> new Protocol.RolledBack(b.journal(), b.operation(), b.details())).toList(),
                r.discarded(), r.stagingReclaimed(), r.gaveUp(), r.errors(),
                r.quarantined().stream().map(q -> q.name() + ": " + q.reason()).toList());
    }

    /**
     * Re-reads the KB and returns the lint JSON. Like every reader here it takes no lock, so it
     * answers while an add commits; a commit seen half-way is corrected by the reload that follows it.
     */
    CompletableFuture<JsonObject> lint(JsonElement json) {
        Params p = Params.of("openkb/lint", json);
        Optional<Path> path = p.string("uri").map(u -> Uris.requirePath(p, "uri", u));
        KbSession kb = ctx.workspace().target(p, "uri", path);
        String scope = path.filter(x -> !x.equals(kb.root())).map(x -> kb.layout().relative(x)).orElse(null);
        boolean folder = path.map(Files::isDirectory).orElse(false);
        return ctx.operations().start(null, cancel -> {
            kb.reload().join();
            JsonObject all = JsonParser.parseString(LintReport.json(kb.snapshot().lint())).getAsJsonObject();
            return scope == null ? all : only(all, scope, folder);
        });
    }

    /** The lint JSON restricted to one file or folder, counts recomputed (every code still present). */
    static JsonObject only(JsonObject all, String scope, boolean folder) {
        JsonArray kept = new JsonArray();
        Map<String, Integer> counts = new LinkedHashMap<>();
        LintCodes.ALL.forEach(c -> counts.put(c, 0));
        for (JsonElement f : all.getAsJsonArray("findings")) {
            String path = f.getAsJsonObject().get("path").getAsString();
            if (folder ? path.startsWith(scope + "/") : path.equals(scope)) {
                kept.add(f);
                counts.merge(f.getAsJsonObject().get("code").getAsString(), 1, Integer::sum);
            }
        }
        JsonObject out = new JsonObject();
        out.add("findings", kept);
        JsonObject c = new JsonObject();
        counts.forEach(c::addProperty);
        out.add("counts", c);
        return out;
    }

    CompletableFuture<Protocol.StatusResult> status(JsonElement json) {
        Params p = Params.of("openkb/status", json);
        KbSession kb = target(p);
        return ctx.operations().start(null, cancel -> {
            StatusReport s = kb.service().status(cancel);
            return new Protocol.StatusResult(Uris.toUri(s.kb()), s.documents(), s.pages(), s.pendingJournals().size(),
                    s.lastOperation(), s.quarantined().stream().map(q -> q.name() + ": " + q.reason()).toList());
        });
    }

    CompletableFuture<Protocol.DocumentsResult> documents(JsonElement json) {
        Params p = Params.of("openkb/documents", json);
        KbSession kb = target(p);
        return ctx.operations().start(null, cancel -> {
            List<Protocol.DocumentInfo> docs = kb.service().documents(cancel).stream()
                    .map(e -> new Protocol.DocumentInfo(e.docName(), e.name(), e.type())).toList();
            return new Protocol.DocumentsResult(Uris.toUri(kb.root()), docs);
        });
    }

    /**
     * {@code {"docName"} | {"uri"}}: the document must match exactly (its doc_name or file name; a
     * URI names it by the summary/source page, the raw copy or the original file), never by the
     * substring rule the CLI also accepts, because a remove cannot be undone from the editor.
     */
    CompletableFuture<Protocol.RemoveResult> remove(JsonElement json) {
        Params p = Params.of("openkb/remove", json);
        Optional<Path> path = p.string("uri").map(u -> Uris.requirePath(p, "uri", u));
        Optional<String> docName = p.string("docName");
        if (path.isPresent() == docName.isPresent()) {
            throw p.fail("pass exactly one of 'uri' and 'docName'");
        }
        KbSession kb = path.isPresent() ? ctx.workspace().sessionFor(path.get())
                .orElseGet(() -> ctx.workspace().only(p, "a 'uri' inside the knowledge base")) : target(p);
        String identifier = docName.orElseGet(() -> identifierOf(kb.layout(), path.get()));
        if (identifier.isBlank()) {
            throw p.fail("'docName' must not be empty");
        }
        RemoveOptions opts = new RemoveOptions(p.bool("dryRun", false), p.bool("keepRaw", false),
                p.bool("keepEmpty", false));
        return ctx.operations().start(null, cancel -> {
            RemovePlan plan = kb.service().planRemove(identifier, opts, cancel);
            RegistryEntry e = plan.entry();
            if (!identifier.equals(e.docName()) && !identifier.equals(e.name())) {
                throw p.fail("no document is exactly '" + identifier + "' (closest: " + e.docName()
                        + "); pass its exact docName");
            }
            RemoveReport r = kb.service().remove(e.docName(), opts, cancel);
            if (r.removed()) {
                kb.settled().handle((v, failure) -> null).join();
            }
            return new Protocol.RemoveResult(r.plan().docName(), e.name(), opts.dryRun(), r.removed(), r.linksFixed(),
                    r.plan().actions().stream().map(a -> new Protocol.RemoveAction(a.kind().wire(), a.path())).toList());
        });
    }

    /**
     * {@code {"uri"} | {"page", "kb"?}} plus {@code "newName"}: the server-side rename, for clients that
     * cannot apply a file rename from an edit and for commands. Pages open in the editor are read from
     * disk (the transaction rewrites files), so the client saves them first.
     */
    CompletableFuture<Protocol.RenameResult> renamePage(JsonElement json) {
        Params p = Params.of("openkb/renamePage", json);
        Optional<Path> path = p.string("uri").map(u -> Uris.requirePath(p, "uri", u));
        Optional<String> page = p.string("page");
        if (path.isPresent() == page.isPresent()) {
            throw p.fail("pass exactly one of 'uri' (the page's file) and 'page' (concepts/name)");
        }
        String newName = p.requireString("newName");
        boolean dryRun = p.bool("dryRun", false);
        KbSession kb = path.isPresent() ? ctx.workspace().target(p, "uri", path)
                : ctx.workspace().target(p, "kb", p.string("kb").map(u -> Uris.requirePath(p, "kb", u)));
        String identifier = path.map(x -> kb.layout().relative(x)).orElseGet(page::get);
        return ctx.operations().start(null, cancel -> {
            var r = kb.service().renamePage(identifier, newName, dryRun, cancel);
            if (r.renamed()) {
                reloadQuietly(kb);
            }
            return new Protocol.RenameResult(r.from(), r.to(), uriOfKey(kb, r.from()), uriOfKey(kb, r.to()), dryRun,
                    r.renamed(), r.links(), r.changedPages().stream().map(x -> Uris.toUri(kb.root().resolve(x))).toList());
        });
    }

    private static String uriOfKey(KbSession kb, String key) {
        return Uris.toUri(kb.root().resolve(dev.openkb.lint.PageScope.relPathOf(key)));
    }

    /**
     * {@code {"docName"} | {"all": true}}, plus {@code "uri"?} for the KB: the compiler run again on
     * documents already in the KB, each in its own transaction (the Documents view's Recompile).
     */
    CompletableFuture<Protocol.RecompileResult> recompile(JsonElement json) {
        Params p = Params.of("openkb/recompile", json);
        Optional<String> docName = p.string("docName");
        boolean all = p.bool("all", false);
        if (docName.isPresent() == all) {
            throw p.fail("pass exactly one of 'docName' and 'all': true");
        }
        if (docName.isPresent() && docName.get().isBlank()) {
            throw p.fail("'docName' must not be empty");
        }
        KbSession kb = target(p);
        return ctx.operations().start(null, cancel -> {
            var r = kb.service().recompile(docName.orElse(null), false, cancel);
            reloadQuietly(kb);
            int done = (int) r.count(dev.openkb.recompile.RecompileReport.Status.RECOMPILED);
            return new Protocol.RecompileResult(done, r.items().size() - done, r.items().stream()
                    .map(i -> new Protocol.RecompiledDocument(i.docName(), i.status().name().toLowerCase(java.util.Locale.ROOT),
                            i.reason())).toList());
        });
    }

    /** {@code {"uri"?}}: {@code lint --fix} on the KB, one journaled transaction. */
    CompletableFuture<Protocol.FixLinksResult> fixLinks(JsonElement json) {
        Params p = Params.of("openkb/fixLinks", json);
        KbSession kb = target(p);
        return ctx.operations().start(null, cancel -> {
            var r = kb.service().fixLinks(cancel);
            reloadQuietly(kb);
            return new Protocol.FixLinksResult(r.filesChanged(), r.linksRewritten(), r.linksDemoted(),
                    r.changedPaths().stream().map(x -> Uris.toUri(kb.root().resolve(x))).toList());
        });
    }

    /** A summary or source page names its document by stem; any other file by its file name. */
    static String identifierOf(KbLayout layout, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (file.startsWith(layout.summariesDir()) || file.startsWith(layout.sourcesDir())) {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        return name;
    }

    /** {@code {"uri": folder}}: a new KB (offline compiler) in a folder of the workspace. */
    CompletableFuture<Protocol.InitResult> init(JsonElement json) {
        Params p = Params.of("openkb/init", json);
        Path dir = Uris.requirePath(p, "uri", p.requireString("uri"));
        if (ctx.workspace().folders().isEmpty() || !ctx.workspace().insideFolders(dir)) {
            throw p.fail(dir + " is not inside a workspace folder (" + ctx.workspace().folders()
                    + "); a knowledge base is created only inside the workspace");
        }
        return ctx.operations().start(null, cancel -> {
            KbSession kb = ctx.workspace().init(dir, KbConfig.OFFLINE, "en");
            reloadQuietly(kb);
            return new Protocol.InitResult(Uris.toUri(kb.root()), KbConfig.OFFLINE);
        });
    }

    private KbSession target(Params p) {
        return ctx.workspace().target(p, "uri", p.string("uri").map(u -> Uris.requirePath(p, "uri", u)));
    }

    /** Reloads the snapshot and waits for it; a failure was already reported to the client. */
    static void reloadQuietly(KbSession kb) {
        kb.reload().handle((v, e) -> null).join();
    }
}
