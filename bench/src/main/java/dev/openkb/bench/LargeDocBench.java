package dev.openkb.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Large single documents, added by the real CLI in a child JVM with a 512 MB heap: HTML and Markdown
 * of 1, 8 and 50 MB and a CSV of 1,000,000 rows, each into a fresh KB. Prints the wall time of the
 * {@code add} and its peak resident memory (GNU time's maximum RSS) and peak heap (the largest
 * heap-before-collection in the child's GC log), then the growth 1 → 8 MB (the target: 8× the size in
 * at most 10× the time).
 *
 * <p>The text is generated deterministically (fixed seed): sentences built from the vocabulary of
 * {@code docs/samples} with varied numbers, proper names and phrases, so the analysis sees many
 * distinct words and names, not one paragraph repeated.
 *
 * <p>Run: {@code java -cp bench/target/classes dev.openkb.bench.LargeDocBench server/target/openkb.jar [dir] [sizes...]}
 * where sizes are {@code html:8 md:50 csv:1000000}...; default: every workload.
 */
public final class LargeDocBench {
    private static final String[] SUBJECTS = {"the write-ahead log", "crash recovery", "the rollback journal",
            "a directory fsync", "the storage engine", "atomic rename", "the page cache", "durable commit",
            "the undo journal", "power loss", "the checkpoint", "the commit record", "torn writes", "the redo log",
            "file system metadata", "the buffer pool", "group commit", "the recovery manager", "a journaling file system",
            "latency percentiles"};
    private static final String[] VERBS = {"protects", "orders", "records", "delays", "replays", "survives",
            "depends on", "flushes", "describes", "undoes", "measures", "bounds", "needs", "follows"};
    private static final String[] ENDINGS = {"before the change reaches the data file", "after every transaction",
            "when the process crashes", "during crash recovery", "on every platform we tested",
            "under heavy write load", "in the second experiment", "at the commit point", "without an extra fsync"};
    private static final String[] FIRST = {"Ada", "Brian", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines",
            "Jonas", "Kara", "Liam", "Maya", "Nils", "Omar", "Priya"};
    private static final String[] LAST = {"Lovelace", "Kernighan", "Wang", "Scott", "Demir", "Haddad", "Hopper",
            "Tanaka", "Moreau", "Berg", "Okafor", "Walsh", "Rossi", "Larsen", "Sharif", "Natarajan"};
    private static final String[] PRODUCTS = {"SQLite", "PostgreSQL", "LazyFS", "RocksDB", "LMDB", "ext4", "XFS",
            "ZFS", "NVMe", "LevelDB", "WiredTiger", "InnoDB"};
    private static final String[] ORGS = {"University of Toronto", "Google Brain", "Wisconsin Storage Lab",
            "Oracle Labs", "Carnegie Mellon University", "Linux Foundation"};

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/openkb.jar").toAbsolutePath();
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")),
                "large-doc-bench");
        List<String> workloads = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("html:1", "html:8", "html:50", "md:1", "md:8", "md:50", "csv:1000000");
        System.out.printf("%-12s %10s %9s %9s %14s %15s  %s%n", "input", "size", "wall (s)", "CPU (s)", "peak RSS (MB)",
                "peak heap (MB)", "result");
        for (String w : workloads) {
            String[] kv = w.split(":");
            int n = Integer.parseInt(kv[1]);
            Path dir = Files.createDirectories(base.resolve(kv[0] + n));
            Path input = switch (kv[0]) {
                case "html" -> html(dir.resolve("large-" + n + "mb.html"), n * 1_000_000L);
                case "md" -> markdown(dir.resolve("large-" + n + "mb.md"), n * 1_000_000L);
                case "csv" -> csv(dir.resolve("rows-" + n + ".csv"), n);
                default -> throw new IllegalArgumentException(w);
            };
            Result r = add(jar, dir, input);
            System.out.printf("%-12s %7.1f MB %9.1f %9.1f %14.0f %15.0f  %s%n", w, Files.size(input) / 1e6, r.seconds(),
                    r.cpuSeconds(), r.rssMb(), r.heapMb(), r.outcome());
            deleteTree(dir);
        }
        deleteTree(base);
    }

    /** Wall time, CPU time (user + system: what a shared machine's load does not inflate), peaks and outcome. */
    record Result(double seconds, double cpuSeconds, double rssMb, double heapMb, String outcome) {
    }

    /** {@code openkb init} then a timed {@code openkb add} of one file, both in child JVMs with -Xmx512m. */
    static Result add(Path jar, Path dir, Path input) throws IOException, InterruptedException {
        Path kb = dir.resolve("kb");
        run(List.of("java", "-Xmx512m", "-jar", jar.toString(), "init", kb.toString()), dir.resolve("init.log"));
        Path time = dir.resolve("time.log");
        Path gc = dir.resolve("gc.log");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", time.toString(), "java", "-Xmx512m",
                "-Xlog:gc:file=" + gc, "-jar", jar.toString(), "add", "--kb", kb.toString(), input.toString()));
        long t0 = System.nanoTime();
        int rc = run(cmd, dir.resolve("add.log"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rss = 0;
        double cpu = 0;
        for (String line : Files.readAllLines(time)) {
            String l = line.strip();
            String value = l.substring(l.lastIndexOf(':') + 1).strip();
            if (l.startsWith("Maximum resident set size (kbytes):")) {
                rss = Long.parseLong(value) / 1024.0;
            } else if (l.startsWith("User time (seconds):") || l.startsWith("System time (seconds):")) {
                cpu += Double.parseDouble(value);
            }
        }
        String log = Files.readString(dir.resolve("add.log"));
        String outcome = rc == 0 && log.contains("1 added") ? "added" : "exit " + rc + ": " + lastLine(dir.resolve("add.log"));
        return new Result(seconds, cpu, rss, peakHeap(gc), outcome);
    }

    /** The largest "before" figure of the GC log's {@code NNM->MMM(TTTM)} entries: heap in use when a collection began. */
    static double peakHeap(Path gcLog) throws IOException {
        double peak = 0;
        var m = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher("");
        for (String line : Files.readAllLines(gcLog)) {
            m.reset(line);
            while (m.find()) {
                peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        return peak;
    }

    private static int run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return p.waitFor();
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** A Markdown document of about {@code bytes}: sections of paragraphs, lists and small tables. */
    static Path markdown(Path out, long bytes) throws IOException {
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            long written = 0;
            w.write("# Storage Durability Field Notes\n\n");
            for (int section = 1; written < bytes; section++) {
                String h = "## Section " + section + ": " + cap(pick(rnd, SUBJECTS)) + "\n\n";
                w.write(h);
                written += h.length();
                for (int p = 0; p < 12 && written < bytes; p++) {
                    String para = paragraph(rnd, section) + "\n\n";
                    if (p == 5) {
                        para = "- " + sentence(rnd, section) + "\n- " + sentence(rnd, section) + "\n\n";
                    }
                    w.write(para);
                    written += para.length();
                }
            }
        }
        return out;
    }

    /** The same kind of text as HTML: a page with navigation (dropped), an article of sections. */
    static Path html(Path out, long bytes) throws IOException {
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Storage Durability Field Notes</title></head>\n"
                    + "<body><nav><a href=\"/\">Home</a></nav>\n<article><h1>Storage Durability Field Notes</h1>\n");
            long written = 0;
            for (int section = 1; written < bytes; section++) {
                String h = "<h2>Section " + section + ": " + cap(pick(rnd, SUBJECTS)) + "</h2>\n";
                w.write(h);
                written += h.length();
                for (int p = 0; p < 12 && written < bytes; p++) {
                    String para = p == 5
                            ? "<ul><li>" + sentence(rnd, section) + "</li><li>" + sentence(rnd, section) + "</li></ul>\n"
                            : "<p>" + paragraph(rnd, section).replace("**", "") + "</p>\n";
                    w.write(para);
                    written += para.length();
                }
            }
            w.write("</article></body></html>\n");
        }
        return out;
    }

    /** A CSV of {@code rows} rows: a header, then id, engine, operation, latency, owner and a note. */
    static Path csv(Path out, int rows) throws IOException {
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("id,engine,operation,latency_us,owner,note\n");
            for (int i = 1; i <= rows; i++) {
                w.write(i + "," + pick(rnd, PRODUCTS) + "," + pick(rnd, VERBS).replace(' ', '_') + "," + (50 + rnd.nextInt(5000))
                        + "," + pick(rnd, FIRST) + " " + pick(rnd, LAST) + ",\"" + cap(pick(rnd, SUBJECTS)) + " "
                        + pick(rnd, ENDINGS) + "\"\n");
            }
        }
        return out;
    }

    private static String paragraph(Random rnd, int section) {
        StringBuilder b = new StringBuilder();
        int n = 3 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(sentence(rnd, section));
        }
        return b.toString();
    }

    private static String sentence(Random rnd, int section) {
        return switch (rnd.nextInt(5)) {
            case 0 -> pick(rnd, FIRST) + " " + pick(rnd, LAST) + " of " + pick(rnd, ORGS) + " showed that " + pick(rnd, SUBJECTS)
                    + " " + pick(rnd, VERBS) + " " + pick(rnd, SUBJECTS) + " " + pick(rnd, ENDINGS) + ".";
            case 1 -> "In " + pick(rnd, PRODUCTS) + " " + (1 + rnd.nextInt(9)) + "." + rnd.nextInt(20) + ", " + pick(rnd, SUBJECTS)
                    + " " + pick(rnd, VERBS) + " **" + pick(rnd, SUBJECTS) + "** " + pick(rnd, ENDINGS) + ".";
            case 2 -> cap(pick(rnd, SUBJECTS)) + " " + pick(rnd, VERBS) + " " + pick(rnd, SUBJECTS) + " in run "
                    + section + "-" + rnd.nextInt(1000) + ", taking " + rnd.nextInt(900) + " microseconds.";
            case 3 -> "Project " + syllables(rnd) + " measured " + pick(rnd, SUBJECTS) + " with " + pick(rnd, PRODUCTS)
                    + " and found it " + pick(rnd, ENDINGS) + ".";
            default -> cap(pick(rnd, SUBJECTS)) + " is the part of " + pick(rnd, PRODUCTS) + " that " + pick(rnd, VERBS)
                    + " " + pick(rnd, SUBJECTS) + ".";
        };
    }

    /** A made-up name ("Korava"), so the documents hold many distinct proper names. */
    private static String syllables(Random rnd) {
        String[] s = {"ka", "ro", "va", "mi", "lu", "te", "zo", "ni", "sa", "de", "fi", "go"};
        StringBuilder b = new StringBuilder();
        int n = 2 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            b.append(s[rnd.nextInt(s.length)]);
        }
        return cap(b.toString());
    }

    private static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
