package dev.openkb.lsp;

import dev.openkb.engine.KbException;
import dev.openkb.lint.WikiPage;
import dev.openkb.rename.PageEdit;
import dev.openkb.rename.PageNames;
import dev.openkb.rename.RenamePlan;
import dev.openkb.rename.RenamePlanner;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.Headings;
import dev.openkb.wiki.LinkEdit;
import dev.openkb.wiki.TextLines;
import dev.openkb.wiki.WikiLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.RenameFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Renaming a page from the editor: {@code textDocument/prepareRename} and {@code textDocument/rename}
 * on a wikilink (renames the page it goes to) or on the page's title (its first H1: renames this
 * page), and {@code workspace/willRenameFiles} for a page file renamed in the explorer. The plan is
 * {@link RenamePlanner}'s, made on the KB's snapshot with each page's current text (its buffer when
 * open), so the edit matches what the editor shows. A rename answers a {@link WorkspaceEdit} whose
 * text edits (every link to the page, index.md's entry among them, aliases and headings kept) come
 * first and a {@link RenameFile} of the page last; the client applies it, so unsaved buffers are
 * taken along and undo works. Stateless.
 */
final class Renames {
    private Renames() {
    }

    /** A rename target under the cursor: the page, the range to show, and the current name. */
    record Target(WikiPage page, Range range) {
    }

    /**
     * The page a rename at {@code pos} would rename, or empty when there is nothing to rename there.
     *
     * @throws KbException INVALID_ARGUMENT when it is a page that cannot be renamed (a summary...)
     */
    static Optional<Target> target(PageContext c, Position pos) {
        Optional<WikiLink> link = c.linkAt(pos);
        Optional<Target> t;
        if (link.isPresent()) {
            WikiLink l = link.get();
            t = l.isSelfLink() ? Optional.empty() : Navigation.target(c, l).map(p -> new Target(p, targetRange(l)));
        } else {
            t = titleRange(c.text(), pos.getLine()).flatMap(r -> c.page().map(p -> new Target(p, r)));
        }
        t.ifPresent(x -> PageNames.checkRenameable(x.page().key(), c.session().root().resolve(x.page().relPath())));
        return t;
    }

    static PrepareRenameResult prepare(PageContext c, Position pos) {
        return target(c, pos).map(t -> new PrepareRenameResult(t.range(), t.page().stem())).orElse(null);
    }

    /**
     * @param resourceOps whether the client applies a {@link RenameFile}; without it the page cannot
     *                    move through an edit, and the user is pointed at the server-side rename
     */
    static WorkspaceEdit rename(PageContext c, Position pos, String newName, boolean resourceOps) {
        Optional<Target> t = target(c, pos);
        if (t.isEmpty()) {
            return null;
        }
        if (!resourceOps) {
            throw Errors.invalidRequest("this editor does not apply file renames from a language server; run the"
                    + " command openkb.renamePage (or 'openkb rename " + t.get().page().key() + " NEW') instead");
        }
        RenamePlan plan = plan(c, t.get().page(), newName);
        List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>(textEdits(c, plan));
        RenameFileOptions opts = new RenameFileOptions(false, false);
        changes.add(Either.forRight(new RenameFile(c.uriOf(plan.oldRel()), Uris.toUri(root(c).resolve(plan.newRel())), opts)));
        return new WorkspaceEdit(changes);
    }

    /**
     * {@code workspace/willRenameFiles} for one page file: the link edits only (the client moves the
     * file itself). A move to another folder, or to a name a wikilink cannot spell, is refused.
     */
    static List<Either<TextDocumentEdit, ResourceOperation>> willRename(PageContext c, Path newFile) {
        WikiPage page = c.page().orElse(null);
        if (page == null || newFile.getParent() == null || !newFile.getParent().equals(c.file().getParent())) {
            return List.of();
        }
        PageNames.checkRenameable(page.key(), c.file());
        return textEdits(c, plan(c, page, newFile.getFileName().toString()));
    }

    static RenamePlan plan(PageContext c, WikiPage page, String newName) {
        return RenamePlanner.plan(c.snapshot().index(), page.relPath(), newName, rel -> c.textOf(rel).orElse(null),
                root(c));
    }

    private static List<Either<TextDocumentEdit, ResourceOperation>> textEdits(PageContext c, RenamePlan plan) {
        List<Either<TextDocumentEdit, ResourceOperation>> out = new ArrayList<>();
        for (PageEdit e : plan.pages()) {
            Path file = root(c).resolve(e.relPath());
            Integer version = c.docs().get(file).map(OpenDocuments.Doc::version).orElse(null);
            List<Either<TextEdit, SnippetTextEdit>> edits = new ArrayList<>();
            for (LinkEdit le : e.edits()) {
                edits.add(Either.forLeft(new TextEdit(LspMapping.range(le.link()), le.replacement())));
            }
            out.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(c.uriOf(e.relPath()), version),
                    edits)));
        }
        return out;
    }

    /** The target part of a link ({@code concepts/x} of {@code [[concepts/x#h|Alias]]}): what a rename replaces. */
    static Range targetRange(WikiLink l) {
        int at = l.raw().indexOf(l.target());
        int start = l.startChar() + 2 + Math.max(0, at);
        return new Range(new Position(l.line(), start), new Position(l.line(), start + l.target().length()));
    }

    /** The text of the page's first H1 when {@code line} is its line. */
    static Optional<Range> titleRange(String text, int line) {
        Optional<Heading> h1 = Headings.parse(text).stream().filter(h -> h.level() == 1).findFirst();
        if (h1.isEmpty() || h1.get().line() != line) {
            return Optional.empty();
        }
        TextLines lines = TextLines.of(text);
        int start = lines.lineStart(line);
        String s = text.substring(start, start + lines.lineLength(text, line));
        int from = s.indexOf(h1.get().text());
        if (from < 0 || h1.get().text().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Range(new Position(line, from), new Position(line, from + h1.get().text().length())));
    }

    private static Path root(PageContext c) {
        return c.session().root();
    }
}
