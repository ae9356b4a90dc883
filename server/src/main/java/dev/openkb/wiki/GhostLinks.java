package dev.openkb.wiki;

import java.util.Map;
import java.util.Set;

/**
 * OpenKB's ghost-link stripping ({@code strip_ghost_wikilinks}), used on LLM output before it is
 * written: for each {@code [[target|alias]]}, a target in the whitelist is kept as is; a target whose
 * {@link Targets#normalize normalised} form matches a whitelisted one is rewritten to
 * {@code [[canonical|alias]]} ({@code [[canonical]]} when there is no alias, as OpenKB's tests
 * expect); anything else is demoted to plain text: the alias, or else the last path segment with
 * {@code -} and {@code _} turned into spaces.
 *
 * <p>Differences from OpenKB, both shared with the lint so the two never disagree: a
 * {@code #heading} is split off before the whitelist lookup and kept on rewrite (OpenKB compares
 * {@code "concepts/x#h"} whole and so demotes it; a same-page {@code [[#heading]]} is kept), and a link never spans a line break
 * ({@link WikiLinks}). Stateless.
 */
public final class GhostLinks {
    private GhostLinks() {
    }

    public static GhostResult strip(String text, Set<String> whitelist) {
        return strip(text, whitelist, Targets.buildNormIndex(whitelist));
    }

    /** As {@link #strip(String, Set)} with a prebuilt {@link Targets#buildNormIndex} of the same whitelist. */
    public static GhostResult strip(String text, Set<String> whitelist, Map<String, String> normIndex) {
        int[] counts = new int[3];
        String out = WikiLinks.rewrite(text, link -> {
            if (link.isSelfLink() || whitelist.contains(link.target())) {
                counts[0]++;
                return null;
            }
            String canonical = normIndex.get(Targets.normalize(link.target()));
            if (canonical != null) {
                counts[1]++;
                return WikiLink.render(canonical, link.heading(), link.alias());
            }
            counts[2]++;
            return demoted(link);
        });
        return new GhostResult(out, counts[0], counts[1], counts[2]);
    }

    /** The readable text a ghost link becomes: its alias, or its last segment as words. */
    public static String demoted(WikiLink link) {
        if (link.hasAlias()) {
            return link.alias();
        }
        String target = link.target();
        String last = target.substring(target.lastIndexOf('/') + 1);
        return last.replace('-', ' ').replace('_', ' ');
    }
}
