package dev.openkb.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.openkb.convert.SupportedTypes;
import dev.openkb.journal.Recovery;
import dev.openkb.lint.LintCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Source actions, so that a client with no OpenKB code (Neovim, Emacs, Helix, LSP4IJ) reaches add,
 * recover and lint --fix from its code-action menu: "Add this file to the knowledge base" on an
 * open supported document outside every KB, "Recover the knowledge base" while a journal is
 * pending, "Fix all broken links" while lint finds some. Each runs one of the server's
 * {@code workspace/executeCommand} commands with the params of the matching {@code openkb/*}
 * request. Stateless.
 */
final class SourceActions {
    static final String ADD = CodeActionKind.Source + ".openkb.add";
    static final String RECOVER = CodeActionKind.Source + ".openkb.recover";
    static final String FIX_LINKS = CodeActionKind.Source + ".openkb.fixLinks";

    private SourceActions() {
    }

    static List<Either<Command, CodeAction>> actions(Workspace workspace, String uri, Path file, List<String> only) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        Optional<KbSession> in = workspace.sessionFor(file);
        if (in.isPresent()) {
            KbSession s = in.get();
            JsonObject kb = new JsonObject();
            kb.addProperty("uri", Uris.toUri(s.root()));
            if (wanted(only, RECOVER) && !Recovery.pendingJournals(s.layout()).isEmpty()) {
                out.add(action("Recover the knowledge base (an interrupted change is pending)", RECOVER,
                        "openkb.recover", kb));
            }
            int broken = s.snapshot().lint().counts().getOrDefault(LintCodes.BROKEN_LINK, 0)
                    + s.snapshot().lint().counts().getOrDefault(LintCodes.INDEX_BROKEN_LINK, 0);
            if (wanted(only, FIX_LINKS) && broken > 0) {
                out.add(action("Fix all broken links (" + broken + ")", FIX_LINKS, "openkb.fixLinks", kb));
            }
        } else if (wanted(only, ADD) && SupportedTypes.isSupported(file)) {
            for (KbSession s : workspace.sessions()) {
                JsonObject params = new JsonObject();
                JsonArray uris = new JsonArray();
                uris.add(uri);
                params.add("uris", uris);
                params.addProperty("kb", Uris.toUri(s.root()));
                String which = workspace.sessions().size() == 1 ? "" : " " + s.root().getFileName();
                out.add(action("Add this file to the knowledge base" + which, ADD, "openkb.add", params));
            }
        }
        return out;
    }

    /** LSP's {@code context.only}: absent means every kind; else a kind is wanted under any listed prefix. */
    static boolean wanted(List<String> only, String kind) {
        if (only == null || only.isEmpty()) {
            return true;
        }
        return only.stream().anyMatch(o -> kind.equals(o) || kind.startsWith(o + "."));
    }

    private static Either<Command, CodeAction> action(String title, String kind, String command, JsonObject params) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setCommand(new Command(title, command, List.of(params)));
        return Either.forRight(a);
    }
}
