package dev.openkb.lsp;

import dev.openkb.lint.LinkResolution;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Going along wikilinks: definition, references (backlinks), hover and document links, all
 * resolved by the index's one link policy ({@link WikiIndex#resolveLink}), so the editor follows
 * exactly the links lint accepts. Pure functions of a {@link PageContext}; stateless.
 */
final class Navigation {
    private Navigation() {
    }

    static List<Location> definition(PageContext c, Position pos) {
        return c.linkAt(pos).flatMap(l -> target(c, l).map(t -> new Location(c.uriOf(t.relPath()),
                headingRange(t, l.heading())))).map(List::of).orElse(List.of());
    }

    /** Where the page under the cursor's link (or this page, off a link) is linked from. */
    static List<Location> references(PageContext c, Position pos, boolean includeDeclaration) {
        Optional<WikiPage> target = c.linkAt(pos).isPresent() ? c.linkAt(pos).flatMap(l -> target(c, l)) : c.page();
        if (target.isEmpty()) {
            return List.of();
        }
        WikiIndex index = c.snapshot().index();
        String targetRel = target.get().relPath();
        List<Location> out = new ArrayList<>();
        if (includeDeclaration) {
            out.add(new Location(c.uriOf(targetRel), LspMapping.lineStart(0)));
        }
        for (WikiPage source : index.backlinks(targetRel)) {
            for (WikiLink l : source.links()) {
                LinkResolution r = index.resolveLink(source.relPath(), l);
                if (r.status() == LinkResolution.Status.RESOLVED && r.page().relPath().equals(targetRel)) {
                    out.add(new Location(c.uriOf(source.relPath()), LspMapping.range(l)));
                }
            }
        }
        return out;
    }

    static Hover hover(PageContext c, Position pos) {
        Optional<WikiLink> link = c.linkAt(pos);
        if (link.isEmpty()) {
            return null;
        }
        WikiLink l = link.get();
        LinkResolution r = c.snapshot().index().resolveLink(c.rel(), l);
        StringBuilder md = new StringBuilder();
        if (r.resolved() && r.page() != null) {
            WikiPage p = r.page();
            md.append("**").append(p.title()).append("**");
            if (p.description() != null && !p.description().isBlank()) {
                md.append("\n\n").append(p.description().strip());
            }
            md.append("\n\n`").append(p.key()).append('`');
        } else if (r.status() == LinkResolution.Status.AMBIGUOUS) {
            md.append("Ambiguous link: ").append(String.join(", ", r.ambiguous()));
        } else {
            md.append("No page named `").append(l.lookupKey()).append('`');
            if (r.candidate() != null) {
                md.append("; did you mean `").append(r.candidate()).append("`?");
            }
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()), LspMapping.range(l));
    }

    static List<DocumentLink> documentLinks(PageContext c) {
        List<DocumentLink> out = new ArrayList<>();
        for (WikiLink l : c.links()) {
            target(c, l).ifPresent(t -> {
                DocumentLink d = new DocumentLink(LspMapping.range(l), c.uriOf(t.relPath()));
                d.setTooltip(t.title());
                out.add(d);
            });
        }
        return out;
    }

    /** The page a link goes to ({@code [[#h]]} goes to this page), when it resolves. */
    static Optional<WikiPage> target(PageContext c, WikiLink l) {
        LinkResolution r = c.snapshot().index().resolveLink(c.rel(), l);
        if (!r.resolved()) {
            return Optional.empty();
        }
        return r.status() == LinkResolution.Status.SELF ? c.page() : Optional.ofNullable(r.page());
    }

    /** The heading's line when the page has it (exact, else case-insensitive), else the page start. */
    static Range headingRange(WikiPage page, String heading) {
        if (heading == null || heading.isEmpty()) {
            return LspMapping.lineStart(0);
        }
        Optional<Heading> h = page.headings().stream().filter(x -> x.text().equals(heading)).findFirst()
                .or(() -> page.headings().stream().filter(x -> x.text().equalsIgnoreCase(heading)).findFirst());
        return LspMapping.lineStart(h.map(Heading::line).orElse(0));
    }
}
