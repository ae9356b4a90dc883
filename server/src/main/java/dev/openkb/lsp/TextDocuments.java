package dev.openkb.lsp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The editor features on wiki pages. Notifications (open, change, save, close) update the buffer
 * store on the reader thread and schedule a debounced re-lint of that page on its KB's index
 * thread; requests are answered on the request pool from the KB's current snapshot (after its first
 * load), so a running add never delays them.
 *
 * <p>Threading: notifications arrive in order on the LSP reader thread; request work runs on
 * {@code requests}. Holds no mutable state of its own.
 */
final class TextDocuments implements TextDocumentService {
    private final Workspace workspace;
    private final OpenDocuments docs;
    private final Debouncer debouncer;
    private final Supplier<ServerOptions> options;
    private final Executor requests;
    /** Whether the client applies a RenameFile in a WorkspaceEdit (initialize's capabilities). */
    private final BooleanSupplier clientRenamesFiles;

    TextDocuments(Workspace workspace, OpenDocuments docs, Debouncer debouncer, Supplier<ServerOptions> options,
            Executor requests, BooleanSupplier clientRenamesFiles) {
        this.clientRenamesFiles = clientRenamesFiles;
        this.workspace = workspace;
        this.docs = docs;
        this.debouncer = debouncer;
        this.options = options;
        this.requests = requests;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var td = params.getTextDocument();
        Uris.toPath(td.getUri()).ifPresent(p -> {
            docs.open(td.getUri(), p, td.getVersion(), td.getText());
            relint(p, Duration.ZERO);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var td = params.getTextDocument();
        Uris.toPath(td.getUri()).ifPresent(p -> docs.change(p, td.getVersion(), params.getContentChanges())
                .ifPresent(d -> relint(p, options.get().diagnosticsDelay())));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Uris.toPath(params.getTextDocument().getUri()).ifPresent(p -> {
            docs.close(p);
            relint(p, Duration.ZERO);
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        Uris.toPath(params.getTextDocument().getUri()).ifPresent(p -> relint(p, Duration.ZERO));
    }

    private void relint(Path file, Duration delay) {
        workspace.sessionFor(file).filter(s -> s.pageRel(file) != null)
                .ifPresent(s -> debouncer.schedule(file, delay, () -> s.refreshBuffer(file)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return onPage(params.getTextDocument().getUri(), c -> Either.forRight(Completion.complete(c, params.getPosition())),
                Either.forRight(new CompletionList(false, List.of())));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return onPage(params.getTextDocument().getUri(),
                c -> Either.forLeft(Navigation.definition(c, params.getPosition())), Either.forLeft(List.of()));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return onPage(params.getTextDocument().getUri(), c -> Navigation.references(c, params.getPosition(), decl),
                List.of());
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return onPage(params.getTextDocument().getUri(), c -> Navigation.hover(c, params.getPosition()), null);
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return onPage(params.getTextDocument().getUri(), Navigation::documentLinks, List.of());
    }

    /** Quick fixes on wiki pages, then the source actions (add, recover, fix all links) for any open document. */
    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        List<org.eclipse.lsp4j.Diagnostic> sent = params.getContext() == null || params.getContext().getDiagnostics() == null
                ? List.of() : params.getContext().getDiagnostics();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        String uri = params.getTextDocument().getUri();
        CompletableFuture<List<Either<Command, CodeAction>>> fixes = SourceActions.wanted(only, CodeActionKind.QuickFix)
                ? onPage(uri, c -> QuickFixes.actions(c, params.getRange(), sent), List.of())
                : CompletableFuture.completedFuture(List.of());
        return fixes.thenApplyAsync(q -> {
            List<Either<Command, CodeAction>> all = new ArrayList<>(q);
            Uris.toPath(uri).ifPresent(p -> all.addAll(SourceActions.actions(workspace, uri, p, only)));
            return all;
        }, requests);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return onPage(params.getTextDocument().getUri(),
                c -> Outline.symbols(c.text()).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList(),
                List.of());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return onPage(params.getTextDocument().getUri(), c -> Outline.folding(c.text()), List.of());
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return onPage(params.getTextDocument().getUri(), BacklinkLens::lenses, List.of());
    }

    @Override
    public CompletableFuture<Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return onPage(params.getTextDocument().getUri(), c -> {
            PrepareRenameResult r = Renames.prepare(c, params.getPosition());
            return r == null ? null : Either3.<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(r);
        }, null);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return onPage(params.getTextDocument().getUri(),
                c -> Renames.rename(c, params.getPosition(), params.getNewName(), clientRenamesFiles.getAsBoolean()), null);
    }

    /**
     * Answers from the page's context once its KB has loaded; {@code none} for anything that is not
     * a wiki page of a KB of this workspace.
     */
    private <T> CompletableFuture<T> onPage(String uri, Function<PageContext, T> feature, T none) {
        Optional<KbSession> session = Uris.toPath(uri).flatMap(workspace::sessionFor);
        if (session.isEmpty()) {
            return CompletableFuture.completedFuture(none);
        }
        return session.get().loaded().handle((v, e) -> null).thenApplyAsync(
                x -> PageContext.of(workspace, docs, uri).map(feature).orElse(none), requests);
    }
}
