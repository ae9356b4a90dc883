package dev.openkb.rename;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.lint.LinkResolution;
import dev.openkb.lint.PageScope;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.LinkEdit;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Works out a page rename from a {@link WikiIndex} and the pages' current texts: which links go
 * to the page (decided by the index's one link policy, {@link WikiIndex#resolveLink}, so exactly the
 * links lint and go-to-definition follow) and what each becomes. A link keeps its heading, its alias
 * and its form: a qualified link ({@code [[concepts/old]]}) gets the new key, a bare one
 * ({@code [[old]]}) the new stem, unless another page already has that stem, where a bare link would
 * be ambiguous, so it gets the new key. index.md is a page like any other, so its entry follows.
 * Only the page's backlinks and the page itself are read: the cost is the size of those pages, not
 * of the wiki. Pure (the texts come from {@code textOf}); stateless.
 */
public final class RenamePlanner {
    private RenamePlanner() {
    }

    /**
     * @param index   the wiki to rename in
     * @param pageRel the page, {@code wiki/concepts/old.md}
     * @param newName the name typed by the user ({@code new}, {@code new.md} or {@code concepts/new})
     * @param textOf  a page's current text by KB-relative path, null when it cannot be read
     * @param root    the KB root, to name the page in errors
     * @throws KbException NOT_FOUND (no such page), INVALID_ARGUMENT (page not renameable, bad name,
     *                     same name), PAGE_EXISTS (a page of the folder already has the new name)
     */
    public static RenamePlan plan(WikiIndex index, String pageRel, String newName, Function<String, String> textOf,
            Path root) {
        Path where = root.resolve(pageRel);
        WikiPage page = index.page(pageRel).orElseThrow(() -> new KbException(ErrorCode.NOT_FOUND, where,
                "no such wiki page"));
        PageNames.checkRenameable(page.key(), where);
        String folder = PageNames.folderOf(page.key());
        String newStem = PageNames.checkNewStem(newName, folder, where);
        String newKey = folder + "/" + newStem;
        if (newKey.equals(page.key())) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, where, "the page is already named '" + newStem + "'");
        }
        String newRel = PageScope.relPathOf(newKey);
        if (index.page(newRel).isPresent()) {
            throw new KbException(ErrorCode.PAGE_EXISTS, root.resolve(newRel), "a page named '" + newStem
                    + "' already exists in " + folder + "/; renaming onto it would lose one of the two pages");
        }
        boolean bareStays = index.pagesWithStem(newStem).isEmpty();
        TreeSet<String> affected = new TreeSet<>();
        affected.add(pageRel);
        index.backlinks(pageRel).forEach(p -> affected.add(p.relPath()));
        List<PageEdit> pages = new ArrayList<>();
        for (String rel : affected) {
            String text = textOf.apply(rel);
            if (text == null) {
                continue;
            }
            List<LinkEdit> edits = linkEdits(index, rel, text, page, newStem, newKey, bareStays);
            if (!edits.isEmpty()) {
                pages.add(new PageEdit(rel, text, edits));
            }
        }
        return new RenamePlan(pageRel, newRel, page.key(), newKey, List.copyOf(pages));
    }

    /** The rewrites of the links of {@code text} (page {@code sourceRel}) that resolve to {@code target}. */
    static List<LinkEdit> linkEdits(WikiIndex index, String sourceRel, String text, WikiPage target, String newStem,
            String newKey, boolean bareStays) {
        List<LinkEdit> out = new ArrayList<>();
        for (WikiLink l : WikiLinks.parse(text)) {
            if (l.isSelfLink()) {
                continue;
            }
            LinkResolution r = index.resolveLink(sourceRel, l);
            if (r.status() == LinkResolution.Status.RESOLVED && r.page().key().equals(target.key())) {
                boolean bare = l.lookupKey().indexOf('/') < 0;
                out.add(new LinkEdit(l, l.retargeted(bare && bareStays ? newStem : newKey)));
            }
        }
        return out;
    }
}
