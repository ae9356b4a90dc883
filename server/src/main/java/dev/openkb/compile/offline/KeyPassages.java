package dev.openkb.compile.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The most central sentences of a document's body, TextRank-style: each candidate sentence is a node,
 * two sentences are joined by the content lemmas they share (normalised by their lengths' logarithms),
 * and a weighted PageRank over that graph ranks them; the best are kept unless they repeat one already
 * kept (three fifths or more of the content lemmas of both shared), then shown in document order. Candidates are
 * prose sentences of 6 to 60 words with a verb, never boilerplate, code or a reference list.
 * Deterministic: a fixed iteration count and ties broken by position. Stateless.
 */
public final class KeyPassages {
    static final int KEPT = 8;
    private static final int MAX_CANDIDATES = 500;
    private static final int ITERATIONS = 30;
    private static final double DAMPING = 0.85;

    private KeyPassages() {
    }

    /** A candidate sentence: its text, its position in the document and its content lemmas. */
    public record Candidate(String text, int position, Set<String> lemmas) {
    }

    /** Up to {@link #KEPT} sentences, best first. */
    static List<Candidate> rank(List<Candidate> all) {
        List<Candidate> c = all.size() > MAX_CANDIDATES ? all.subList(0, MAX_CANDIDATES) : all;
        int n = c.size();
        if (n == 0) {
            return List.of();
        }
        double[][] w = new double[n][n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = similarity(c.get(i).lemmas(), c.get(j).lemmas());
                w[i][j] = s;
                w[j][i] = s;
                out[i] += s;
                out[j] += s;
            }
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (w[j][i] > 0) {
                        sum += w[j][i] / out[j] * score[j];
                    }
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            score = next;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        final double[] s = score;
        order.sort(Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i));
        List<Candidate> kept = new ArrayList<>();
        for (int i : order) {
            Candidate x = c.get(i);
            if (kept.size() < KEPT && kept.stream().noneMatch(k -> repeats(k, x))) {
                kept.add(x);
            }
        }
        return List.copyOf(kept);
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.size() < 2 || b.size() < 2) {
            return 0;
        }
        int shared = 0;
        for (String x : a) {
            if (b.contains(x)) {
                shared++;
            }
        }
        return shared == 0 ? 0 : shared / (Math.log(a.size() + 1.0) + Math.log(b.size() + 1.0));
    }

    private static boolean repeats(Candidate kept, Candidate x) {
        if (kept.text().equals(x.text())) {
            return true;
        }
        Set<String> shared = new HashSet<>(kept.lemmas());
        shared.retainAll(x.lemmas());
        Set<String> union = new HashSet<>(kept.lemmas());
        union.addAll(x.lemmas());
        return shared.size() * 5 >= 3 * union.size() && shared.size() >= 2;
    }
}
