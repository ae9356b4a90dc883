package dev.openkb.bench;

import dev.openkb.convert.ConvertRequest;
import dev.openkb.convert.ConvertedDoc;
import dev.openkb.convert.Converters;
import dev.openkb.engine.CancelToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Converts a generated 50 MB file (.txt by default, or .csv / .md given as the first argument) and
 * prints the wall time and the peak heap during the conversion, to show that text conversion
 * streams instead of holding the file in memory. Peak heap is the sum of the heap pools' peak
 * usage, reset after a GC just before converting, so it includes whatever else the JVM holds;
 * the baseline line shows that part. Run it in its own JVM with a small heap to make the point:
 *
 * <pre>
 * mvn -q -DskipTests install
 * java -Xmx64m -cp "bench/target/classes:server/target/classes:$(cat cp.txt)" dev.openkb.bench.ConvertMemoryBench txt
 * </pre>
 * (cp.txt from {@code mvn -q -pl server dependency:build-classpath -Dmdep.outputFile=$PWD/cp.txt}), or
 * {@code mvn -q -pl bench exec:java -Dexec.mainClass=dev.openkb.bench.ConvertMemoryBench} inside Maven's JVM.
 */
public final class ConvertMemoryBench {
    private static final long TARGET_BYTES = 50L * 1024 * 1024;

    private ConvertMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String type = args.length > 0 ? args[0] : "txt";
        Path dir = Files.createTempDirectory("openkb-convert-bench");
        try {
            Path source = generate(dir.resolve("big." + type), type);
            Converters converters = new Converters(r -> {
                throw new UnsupportedOperationException("no PDF in this benchmark");
            });
            ConvertRequest request = new ConvertRequest(source, "big", dir.resolve("staging"), 20, CancelToken.none());

            System.gc();
            long baseline = heapUsed();
            resetPeaks();
            long start = System.nanoTime();
            ConvertedDoc doc = converters.convert(request);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            long peak = heapPeak();

            System.out.printf("input     %s, %.1f MB%n", source.getFileName(), Files.size(source) / 1e6);
            System.out.printf("output    %s, %.1f MB%n", doc.stagedSource().getFileName(),
                    Files.size(doc.stagedSource()) / 1e6);
            System.out.printf("time      %d ms (raw copy + conversion)%n", elapsedMs);
            System.out.printf("heap      baseline %.1f MB, peak %.1f MB, peak above baseline %.1f MB (max heap %.0f MB)%n",
                    baseline / 1e6, peak / 1e6, (peak - baseline) / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            deleteTree(dir);
        }
    }

    /** Writes about 50 MB of mixed ASCII and CJK lines (CSV rows for .csv), streaming. */
    private static Path generate(Path file, String type) throws IOException {
        long written = 0;
        int i = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (type.equals("csv")) {
                out.write("id,name,comment\n");
            }
            while (written < TARGET_BYTES) {
                String line = type.equals("csv")
                        ? i + ",item " + i + ",\"a \"\"quoted\"\" note, with comma 技术\"\n"
                        : "Line " + i + ": the quick brown fox jumps over the lazy dog 技术报告 😀\n";
                out.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                i++;
            }
        }
        return file;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
