package dev.openkb.lsp;

import dev.openkb.lint.LintCodes;
import dev.openkb.lint.LintFinding;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.GhostLinks;
import dev.openkb.wiki.TextLines;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes for lint findings, deciding as {@code lint --fix} does: a broken link is replaced by
 * its repair candidate (heading and alias kept) or demoted to its display text; a page missing from
 * index.md gets an entry at the top of its section, offered on index.md and on the page itself.
 * Edits apply to the link as it stands in the current text: a finding whose link has since been
 * edited away offers nothing. Stateless.
 */
final class QuickFixes {
    private QuickFixes() {
    }

    static List<Either<Command, CodeAction>> actions(PageContext c, Range range, List<Diagnostic> sent) {
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        for (LintFinding f : c.snapshot().lint().findings(c.rel())) {
            if (!LspMapping.touches(range, f.range())) {
                continue;
            }
            switch (f.code()) {
                case LintCodes.BROKEN_LINK, LintCodes.INDEX_BROKEN_LINK -> linkFixes(c, f, sent, out);
                case LintCodes.INDEX_MISSING_PAGE -> addToIndex(c, f, sent, out);
                default -> { }
            }
        }
        if (!c.rel().equals(WikiIndex.INDEX_PATH)) {
            for (LintFinding f : c.snapshot().lint().findings(WikiIndex.INDEX_PATH)) {
                if (f.code().equals(LintCodes.INDEX_MISSING_PAGE) && c.rel().equals(f.data().get("page"))) {
                    addToIndex(c, f, List.of(), out);
                }
            }
        }
        return out;
    }

    private static void linkFixes(PageContext c, LintFinding f, List<Diagnostic> sent,
            List<Either<Command, CodeAction>> out) {
        Optional<WikiLink> link = c.links().stream().filter(l -> sameSpan(l, f) && l.targetText()
                .equals(f.data().get("link"))).findFirst();
        if (link.isEmpty()) {
            return;
        }
        WikiLink l = link.get();
        String candidate = f.data().get("candidate");
        if (candidate != null) {
            String fixed = WikiLink.render(candidate, l.heading(), l.alias());
            out.add(action("Replace with " + fixed, c.uriOf(c.rel()), LspMapping.range(l), fixed, f, sent, true));
        }
        String demoted = GhostLinks.demoted(l);
        out.add(action("Demote " + "[[" + l.raw() + "]] to text \"" + demoted + "\"", c.uriOf(c.rel()),
                LspMapping.range(l), demoted, f, sent, candidate == null));
    }

    private static void addToIndex(PageContext c, LintFinding f, List<Diagnostic> sent,
            List<Either<Command, CodeAction>> out) {
        String key = f.data().get("link");
        String description = c.snapshot().index().page(f.data().get("page")).map(WikiPage::description)
                .filter(d -> !d.isBlank()).orElse(null);
        String entry = "- [[" + key + "]]" + (description == null ? "" : " — " + description.strip()) + "\n";
        boolean atHeading = f.range().startLine() > 0 || f.range().endChar() > 0;
        String text;
        Position at;
        if (atHeading) {
            text = entry;
            at = new Position(f.range().startLine() + 1, 0);
        } else {
            String index = c.textOf(WikiIndex.INDEX_PATH).orElse("");
            TextLines lines = TextLines.of(index);
            int last = lines.lineCount() - 1;
            at = new Position(last, lines.lineLength(index, last));
            text = (index.isEmpty() || index.endsWith("\n") ? "" : "\n") + "\n## " + f.data().get("section") + "\n"
                    + entry;
        }
        out.add(action("Add [[" + key + "]] to index.md", c.uriOf(WikiIndex.INDEX_PATH), new Range(at, at), text, f,
                sent, true));
    }

    private static boolean sameSpan(WikiLink l, LintFinding f) {
        return l.line() == f.range().startLine() && l.startChar() == f.range().startChar()
                && l.endChar() == f.range().endChar();
    }

    private static Either<Command, CodeAction> action(String title, String uri, Range range, String newText,
            LintFinding f, List<Diagnostic> sent, boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(range, newText)))));
        a.setDiagnostics(List.of(matching(f, sent)));
        a.setIsPreferred(preferred);
        return Either.forRight(a);
    }

    /** The client's own diagnostic for this finding when it sent one, else ours. */
    private static Diagnostic matching(LintFinding f, List<Diagnostic> sent) {
        Diagnostic ours = LspMapping.diagnostic(f);
        for (Diagnostic d : sent) {
            if (Objects.equals(d.getRange(), ours.getRange()) && d.getCode() != null
                    && f.code().equals(d.getCode().getLeft())) {
                return d;
            }
        }
        return ours;
    }
}
