package dev.openkb.lint;

import dev.openkb.wiki.WikiLink;

/** One link occurrence: the KB-relative path of the page it is on, and the link with its range. */
public record LinkRef(String sourceRelPath, WikiLink link) {
}
