package dev.openkb.lint;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Which of many strings occur in one text, in one pass (Aho-Corasick): the index check asks, for
 * every page index.md does not link, whether its stem appears anywhere in index.md, and a
 * substring search per page would cost pages x index size. Transitions live in one open-addressing
 * table keyed by (node, char). Built and used on one thread; not kept.
 */
final class MentionScanner {
    private long[] keys;
    private int[] targets;
    private int size;
    private int nodes = 1;
    private int[] fail = new int[64];
    private int[] out = new int[64];
    private int[] dict = new int[64];
    private int[] firstEdge = new int[64];
    private int[] nextEdge = new int[64];
    private char[] edgeChar = new char[64];
    private int[] edgeTarget = new int[64];
    private int edges;

    private MentionScanner(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity * 2)) * 2;
        keys = new long[cap];
        Arrays.fill(keys, -1);
        targets = new int[cap];
        Arrays.fill(out, -1);
        Arrays.fill(firstEdge, -1);
    }

    /** For each pattern, whether it occurs in {@code text} ({@code String.contains} semantics). */
    static boolean[] present(String text, List<String> patterns) {
        int chars = 0;
        for (String p : patterns) {
            chars += p.length();
        }
        MentionScanner s = new MentionScanner(chars + 1);
        int[] node = new int[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            node[i] = s.insert(patterns.get(i));
        }
        s.link();
        boolean[] hitNode = s.scan(text);
        boolean[] result = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            result[i] = node[i] == 0 || hitNode[node[i]];
        }
        return result;
    }

    private int insert(String p) {
        int state = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            int next = get(state, c);
            if (next < 0) {
                next = newNode();
                put(state, c, next);
                addEdge(state, c, next);
            }
            state = next;
        }
        out[state] = state;
        return state;
    }

    /** Failure and dictionary-suffix links, breadth first. */
    private void link() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = firstEdge[0]; e >= 0; e = nextEdge[e]) {
            fail[edgeTarget[e]] = 0;
            dict[edgeTarget[e]] = 0;
            queue.add(edgeTarget[e]);
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int e = firstEdge[u]; e >= 0; e = nextEdge[e]) {
                int v = edgeTarget[e];
                char c = edgeChar[e];
                int f = fail[u];
                while (f != 0 && get(f, c) < 0) {
                    f = fail[f];
                }
                int g = get(f, c);
                fail[v] = g >= 0 && g != v ? g : 0;
                dict[v] = out[fail[v]] >= 0 ? fail[v] : dict[fail[v]];
                queue.add(v);
            }
        }
    }

    /** Marks every pattern-end node reached while reading {@code text}. */
    private boolean[] scan(String text) {
        boolean[] hit = new boolean[nodes];
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = get(state, c);
            while (next < 0 && state != 0) {
                state = fail[state];
                next = get(state, c);
            }
            state = next < 0 ? 0 : next;
            for (int t = out[state] >= 0 ? state : dict[state]; t > 0 && !hit[t]; t = dict[t]) {
                hit[t] = true;
            }
        }
        return hit;
    }

    private int newNode() {
        if (nodes == fail.length) {
            int n = nodes * 2;
            fail = Arrays.copyOf(fail, n);
            dict = Arrays.copyOf(dict, n);
            out = Arrays.copyOf(out, n);
            Arrays.fill(out, nodes, n, -1);
            firstEdge = Arrays.copyOf(firstEdge, n);
            Arrays.fill(firstEdge, nodes, n, -1);
        }
        return nodes++;
    }

    private void addEdge(int from, char c, int to) {
        if (edges == nextEdge.length) {
            int n = edges * 2;
            nextEdge = Arrays.copyOf(nextEdge, n);
            edgeChar = Arrays.copyOf(edgeChar, n);
            edgeTarget = Arrays.copyOf(edgeTarget, n);
        }
        edgeChar[edges] = c;
        edgeTarget[edges] = to;
        nextEdge[edges] = firstEdge[from];
        firstEdge[from] = edges++;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }

    private int get(int node, char c) {
        long key = ((long) node << 16) | c;
        for (int i = slot(key);; i = (i + 1) & (keys.length - 1)) {
            if (keys[i] == key) {
                return targets[i];
            }
            if (keys[i] == -1) {
                return -1;
            }
        }
    }

    private void put(int node, char c, int target) {
        if (size * 2 >= keys.length) {
            rehash();
        }
        long key = ((long) node << 16) | c;
        int i = slot(key);
        while (keys[i] != -1) {
            i = (i + 1) & (keys.length - 1);
        }
        keys[i] = key;
        targets[i] = target;
        size++;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        targets = new int[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                put((int) (oldKeys[i] >>> 16), (char) oldKeys[i], oldTargets[i]);
            }
        }
    }
}
