package dev.openkb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Branch coverage per package from JaCoCo's CSV report ({@code mvn verify} writes
 * server/target/site/jacoco/jacoco.csv): GROUP, PACKAGE, CLASS, INSTRUCTION_MISSED,
 * INSTRUCTION_COVERED, BRANCH_MISSED, BRANCH_COVERED, ...
 *
 * @param packages package → {covered, total} branches; empty when there is no report
 */
record Coverage(Map<String, int[]> packages, String source) {
    static final List<String> REPORTED = List.of("dev.openkb.journal", "dev.openkb.io");

    /** Reads {@code root}/server/target/site/jacoco/jacoco.csv; {@code root} is the checkout. */
    static Coverage read(Path root) throws IOException {
        Path rel = Path.of("server/target/site/jacoco/jacoco.csv");
        Path csv = root.resolve(rel);
        Map<String, int[]> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return new Coverage(m, null);
        }
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            // The group (the project's name) may hold quoted commas: read the fixed columns from the right.
            String[] f = line.split(",");
            int n = f.length;
            if (n >= 13 && REPORTED.contains(f[n - 12])) {
                int[] acc = m.computeIfAbsent(f[n - 12], k -> new int[2]);
                acc[0] += Integer.parseInt(f[n - 7]);
                acc[1] += Integer.parseInt(f[n - 8]) + Integer.parseInt(f[n - 7]);
            }
        }
        // Named relative to the checkout: the report is published, and a machine's paths mean nothing to a reader.
        return new Coverage(m, rel + " (" + Files.getLastModifiedTime(csv) + ")");
    }

    /** "dev.openkb.journal: 212 of 240 branches (88.3%)". */
    String line(String pkg) {
        int[] c = packages.get(pkg);
        return c == null ? pkg + ": no data" : String.format("%s: %,d of %,d branches (%.1f%%)", pkg, c[0], c[1], 100.0 * c[0] / Math.max(1, c[1]));
    }
}
