package dev.openkb.lsp;

import com.google.gson.JsonObject;
import java.util.List;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.FileOperationFilter;
import org.eclipse.lsp4j.FileOperationOptions;
import org.eclipse.lsp4j.FileOperationPattern;
import org.eclipse.lsp4j.FileOperationPatternKind;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** What the server announces at initialize, and the file watchers it registers. Stateless. */
final class Capabilities {
    static final String VERSION = "0.1.0";

    private Capabilities() {
    }

    static ServerCapabilities server() {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        c.setCompletionProvider(new CompletionOptions(false, List.of("[", "/", "#")));
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setHoverProvider(true);
        c.setDocumentLinkProvider(new DocumentLinkOptions(false));
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.Source,
                SourceActions.ADD, SourceActions.RECOVER, SourceActions.FIX_LINKS)));
        c.setDocumentSymbolProvider(true);
        c.setWorkspaceSymbolProvider(true);
        c.setFoldingRangeProvider(true);
        c.setCodeLensProvider(new CodeLensOptions(false));
        c.setRenameProvider(new RenameOptions(true));
        c.setExecuteCommandProvider(new ExecuteCommandOptions(WorkspaceEvents.COMMANDS));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        WorkspaceServerCapabilities ws = new WorkspaceServerCapabilities(folders);
        FileOperationsServerCapabilities fileOps = new FileOperationsServerCapabilities();
        FileOperationPattern pages = new FileOperationPattern("**/wiki/**/*.md");
        pages.setMatches(FileOperationPatternKind.File);
        fileOps.setWillRename(new FileOperationOptions(List.of(new FileOperationFilter(pages, "file"))));
        ws.setFileOperations(fileOps);
        c.setWorkspace(ws);
        JsonObject openkb = new JsonObject();
        openkb.addProperty("protocolVersion", 1);
        openkb.addProperty("fileProgress", true);
        JsonObject experimental = new JsonObject();
        experimental.add("openkb", openkb);
        c.setExperimental(experimental);
        return c;
    }

    static ServerInfo info() {
        return new ServerInfo("openkb", VERSION);
    }

    /** Pages, raw files, the registry and long-document JSON of every KB, and new KBs. */
    static RegistrationParams fileWatchers() {
        List<FileSystemWatcher> watchers = List.of("**/*.md", "**/raw/**", "**/.openkb/hashes.json",
                "**/wiki/sources/*.json", "**/.openkb", "**/.openkb/config.yaml").stream()
                .map(g -> new FileSystemWatcher(Either.forLeft(g))).toList();
        return new RegistrationParams(List.of(new Registration("openkb-watched-files",
                "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers))));
    }
}
