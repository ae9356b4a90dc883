package dev.openkb.rename;

import dev.openkb.wiki.LinkEdit;
import dev.openkb.wiki.WikiLinks;
import java.util.List;

/**
 * The link rewrites of one page for a rename: {@code edits} apply to the links of {@code text}
 * (the page's text the plan was made from: its buffer in an editor, its file on disk). Immutable.
 */
public record PageEdit(String relPath, String text, List<LinkEdit> edits) {

    /** The page's text after the rename. */
    public String applied() {
        return WikiLinks.replace(text, edits);
    }
}
