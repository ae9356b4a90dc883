package dev.openkb.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code workspace/*}: the {@code openkb.*} commands (the same requests as {@code openkb/*}, with the
 * params object as the first argument), watched-file changes (re-read into the KB snapshots; a new
 * {@code .openkb/} makes a new KB session) and workspace-folder changes.
 *
 * <p>Threading: called on the LSP reader thread; hands all work on. No state of its own.
 */
final class WorkspaceEvents implements WorkspaceService {
    static final List<String> COMMANDS = List.of("openkb.add", "openkb.recover", "openkb.lint", "openkb.remove",
            "openkb.init", "openkb.query");

    private final ServerContext ctx;
    private final AddRequest add;
    private final KbRequests kb;
    private final QueryRequest query;

    WorkspaceEvents(ServerContext ctx, AddRequest add, KbRequests kb, QueryRequest query) {
        this.ctx = ctx;
        this.add = add;
        this.kb = kb;
        this.query = query;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return Errors.guard(() -> {
            JsonElement arg = firstArgument(params.getArguments());
            CompletableFuture<?> f = switch (params.getCommand() == null ? "" : params.getCommand()) {
                case "openkb.add" -> add.add(arg, params.getWorkDoneToken());
                case "openkb.recover" -> kb.recover(arg);
                case "openkb.lint" -> kb.lint(arg);
                case "openkb.remove" -> kb.remove(arg);
                case "openkb.init" -> kb.init(arg);
                case "openkb.query" -> query.query(arg);
                default -> throw Errors.invalidParams("workspace/executeCommand: unknown command '"
                        + params.getCommand() + "'; this server runs " + String.join(", ", COMMANDS));
            };
            // The operation's own future, not a copy: $/cancelRequest must reach its cancel().
            return (CompletableFuture<Object>) f;
        });
    }

    private static JsonElement firstArgument(List<Object> args) {
        if (args == null || args.isEmpty() || args.get(0) == null) {
            return null;
        }
        Object a = args.get(0);
        return a instanceof JsonElement e ? e : new Gson().toJsonTree(a);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        Map<KbSession, List<Path>> byKb = new LinkedHashMap<>();
        boolean rediscover = false;
        for (FileEvent e : params.getChanges()) {
            Path p = Uris.toPath(e.getUri()).orElse(null);
            if (p == null) {
                continue;
            }
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            rediscover |= name.equals(".openkb") || (name.equals("config.yaml") && p.getParent() != null
                    && p.getParent().getFileName().toString().equals(".openkb"));
            ctx.workspace().sessionFor(p).ifPresent(s -> byKb.computeIfAbsent(s, k -> new ArrayList<>()).add(p));
        }
        byKb.forEach(KbSession::refreshFromDisk);
        if (rediscover) {
            ctx.workspace().setFolders(ctx.workspace().folders()).forEach(KbSession::reload);
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        List<Path> folders = new ArrayList<>(ctx.workspace().folders());
        var event = params.getEvent();
        for (WorkspaceFolder f : event.getRemoved() == null ? List.<WorkspaceFolder>of() : event.getRemoved()) {
            Uris.toPath(f.getUri()).ifPresent(folders::remove);
        }
        for (WorkspaceFolder f : event.getAdded() == null ? List.<WorkspaceFolder>of() : event.getAdded()) {
            Uris.toPath(f.getUri()).filter(p -> !folders.contains(p)).ifPresent(folders::add);
        }
        ctx.workspace().setFolders(folders).forEach(KbSession::reload);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // No settings are read from the client's configuration; initializationOptions carry the tunables.
    }
}
