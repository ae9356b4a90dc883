package dev.openkb.graph;

import dev.openkb.lint.LinkResolution;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wiki as a graph (OpenKB's {@code visualize}): every summary, concept and entity page a node,
 * each pair of such pages joined by a wikilink (either way) one edge, a node's weight the number of
 * such pages that link to it. Immutable.
 *
 * @param nodes sorted by id
 * @param edges index pairs into {@code nodes}, the smaller first, sorted
 */
public record WikiGraph(List<Node> nodes, List<int[]> edges) {
    /** The page folders that are nodes, and the kind each gives. */
    private static final Map<String, String> KINDS = Map.of(
            "wiki/summaries/", "summary", "wiki/concepts/", "concept", "wiki/entities/", "entity");

    /**
     * @param id          the link target that names the page ({@code concepts/attention})
     * @param kind        summary, concept or entity
     * @param title       frontmatter title, else the first heading, else the file name
     * @param description frontmatter description, or null
     * @param backlinks   how many other node pages link to it
     */
    public record Node(String id, String kind, String title, String description, int backlinks) {
    }

    public WikiGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static WikiGraph of(WikiIndex index) {
        List<WikiPage> pages = new ArrayList<>();
        for (WikiPage p : index.pages()) {
            if (kind(p) != null && p.parsed()) {
                pages.add(p);
            }
        }
        pages.sort((a, b) -> a.key().compareTo(b.key()));
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            at.put(pages.get(i).relPath(), i);
        }
        int[] backlinks = new int[pages.size()];
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            Set<Integer> targets = new HashSet<>();
            for (WikiLink l : pages.get(i).links()) {
                LinkResolution r = index.resolveLink(pages.get(i).relPath(), l);
                Integer j = r.status() == LinkResolution.Status.RESOLVED && r.page() != null ? at.get(r.page().relPath()) : null;
                if (j != null && j != i && targets.add(j)) {
                    backlinks[j]++;
                    pairs.add((long) Math.min(i, j) << 32 | Math.max(i, j));
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            WikiPage p = pages.get(i);
            nodes.add(new Node(p.key(), kind(p), p.title(), p.description(), backlinks[i]));
        }
        List<int[]> edges = new ArrayList<>();
        pairs.stream().sorted().forEach(k -> edges.add(new int[] {(int) (k >>> 32), (int) (long) k}));
        return new WikiGraph(nodes, edges);
    }

    private static String kind(WikiPage p) {
        for (Map.Entry<String, String> e : KINDS.entrySet()) {
            if (p.relPath().startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
