package dev.openkb.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * What one layer of the suite tried and what diverged. Mutable while its sweep runs (confined to
 * that sweep's thread), read afterwards.
 */
public final class LayerResult {
    private final String layer;
    private final String unit;
    private long tried;
    private final List<Divergence> divergences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** @param unit what one trial is, in plural ("crash points", "power-loss states") */
    public LayerResult(String layer, String unit) {
        this.layer = layer;
        this.unit = unit;
    }

    public void tried() {
        tried++;
    }

    public void diverged(Divergence d) {
        divergences.add(d);
    }

    /** A line worth reporting beside the counts (what one input did, a measured duration). */
    public void note(String line) {
        notes.add(line);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public void addAll(LayerResult other) {
        tried += other.tried;
        divergences.addAll(other.divergences);
        notes.addAll(other.notes);
    }

    public String layer() {
        return layer;
    }

    public String unit() {
        return unit;
    }

    public long count() {
        return tried;
    }

    public List<Divergence> divergences() {
        return List.copyOf(divergences);
    }

    /** "1,234 crash points, 0 divergent". */
    public String sentence() {
        return String.format("%,d %s, %,d divergent", tried, unit, divergences.size());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(layer + ": " + sentence());
        divergences.stream().limit(10).forEach(d -> b.append("\n  ").append(d));
        return b.toString();
    }
}
