package dev.openkb.reliability;

/** The one command that replays a single trial of the suite (see {@code bin/torture}). Stateless. */
public final class Replay {
    private Replay() {
    }

    /** {@code bin/torture replay <layer> <scenario> <point> <seed>}. */
    public static String command(String layer, String scenario, String point, long seed) {
        return "bin/torture replay " + layer + " " + scenario + " " + point + " " + seed;
    }
}
