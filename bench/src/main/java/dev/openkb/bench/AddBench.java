package dev.openkb.bench;

import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The add pipeline end to end (real converters, offline compiler, journal):
 * <ul>
 * <li>{@code throughput}: 200 small mixed documents, and 40 ten-page PDFs (conversion-bound), with
 *     jobs=1 and jobs=2 — files/s and the ratio;</li>
 * <li>{@code overhead}: the per-file commit time (lock to done) adding 20 documents to KBs of 100 and
 *     10,000 concept pages;</li>
 * <li>{@code rss}: peak resident memory (VmHWM) after adding 2,000 small files;</li>
 * <li>{@code small}: 100 small mixed documents with jobs=1 and jobs=2, then the process's peak RSS.</li>
 * </ul>
 * Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=dev.openkb.bench.AddBench -Dexec.args="throughput|small|overhead|rss [base]"}.
 * Run rss alone in its own JVM so the peak is its own.
 */
public final class AddBench {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")), "add-bench");
        switch (mode) {
            case "throughput" -> {
                throughput(base, "200 mixed small documents", mixed(base.resolve("mixed"), 200));
                throughput(base, "40 ten-page PDFs", pdfs(base.resolve("pdfs"), 40, 10));
            }
            case "small" -> {
                // The issue-14 check: jobs=2 over jobs=1 on small text documents, and the process's peak.
                throughput(base, "100 small mixed documents", mixed(base.resolve("small"), 100));
                System.out.printf("peak RSS (VmHWM) %s%n", vmHwm());
            }
            case "overhead" -> overhead(base);
            case "rss" -> rss(base);
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void throughput(Path base, String label, Path inputs) throws IOException {
        double[] rate = new double[3];
        for (int jobs : new int[]{1, 2}) {
            KbLayout kb = init(base.resolve(label.hashCode() + "-kb-j" + jobs));
            long t0 = System.nanoTime();
            AddReport r = add(kb, inputs, jobs, ProgressListener.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            rate[jobs] = r.added() / s;
            System.out.printf("%s, jobs=%d: %d added in %.2f s = %.1f files/s%n", label, jobs, r.added(), s, rate[jobs]);
        }
        System.out.printf("%s: jobs=2 / jobs=1 = %.2fx%n", label, rate[2] / rate[1]);
    }

    private static void overhead(Path base) throws IOException {
        Path inputs = mixed(base.resolve("inputs"), 20);
        for (int pages : new int[]{100, 10_000}) {
            KbLayout kb = init(base.resolve("kb" + pages));
            StringBuilder index = new StringBuilder(Files.readString(kb.indexMd()));
            for (int i = 0; i < pages; i++) {
                Files.writeString(kb.concept("filler-" + i), "---\ntype: \"Concept\"\nsources: []\ndescription: \"Filler " + i
                        + "\"\n---\n\nFiller page " + i + ".\n");
            }
            Files.writeString(kb.indexMd(), index.toString());
            Map<Path, Long> started = new ConcurrentHashMap<>();
            List<Double> commits = Collections.synchronizedList(new ArrayList<>());
            ProgressListener timing = new ProgressListener() {
                @Override
                public void fileStage(Path file, int index, int total, FileStage stage, String detail) {
                    if (stage == FileStage.COMMITTING && "lock".equals(detail)) {
                        started.put(file, System.nanoTime());
                    }
                }

                @Override
                public void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
                    Long t = started.get(file);
                    if (t != null && status == FileStatus.ADDED) {
                        commits.add((System.nanoTime() - t) / 1e6);
                    }
                }
            };
            add(kb, inputs, 1, timing);
            List<Double> sorted = new ArrayList<>(commits);
            Collections.sort(sorted);
            System.out.printf("KB of %,d concept pages: per-file commit median %.1f ms, p90 %.1f ms (%d files)%n",
                    pages, sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.size());
        }
    }

    private static void rss(Path base) throws IOException {
        Path inputs = mixed(base.resolve("inputs"), 2000);
        KbLayout kb = init(base.resolve("kb"));
        long t0 = System.nanoTime();
        AddReport r = add(kb, inputs, 2, ProgressListener.NONE);
        System.out.printf("2,000 files: %d added in %.1f s; peak RSS (VmHWM) %s; heap max %d MB%n", r.added(),
                (System.nanoTime() - t0) / 1e9, vmHwm(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static AddReport add(KbLayout kb, Path inputs, int jobs, ProgressListener l) throws IOException {
        try (OpenKb engine = new OpenKb(w -> { })) {
            return engine.kb(kb).add(List.of(inputs), jobs, l, CancelToken.none());
        }
    }

    private static KbLayout init(Path dir) throws IOException {
        return new KbInit(new AtomicFiles(new RealFileOps())).init(dir, "offline", "en");
    }

    /** Markdown, text, HTML and CSV in turn, on overlapping topics so the compiler has work to do. */
    static Path mixed(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        String[] topics = {"write-ahead logging", "atomic rename", "crash recovery", "directory fsync", "undo journal"};
        for (int i = 0; i < n; i++) {
            String t = topics[i % topics.length];
            String body = "Document " + i + " discusses " + t + " and " + topics[(i + 2) % topics.length]
                    + ". SQLite and PostgreSQL rely on " + t + " to survive a crash. Recovery reads the journal.";
            switch (i % 4) {
                case 0 -> Files.writeString(dir.resolve(String.format("doc%04d.md", i)), "# Notes " + i + "\n\n" + body + "\n");
                case 1 -> Files.writeString(dir.resolve(String.format("doc%04d.txt", i)), body + "\n");
                case 2 -> Files.writeString(dir.resolve(String.format("doc%04d.html", i)),
                        "<html><body><main><h1>Page " + i + "</h1><p>" + body + "</p></main></body></html>");
                default -> Files.writeString(dir.resolve(String.format("doc%04d.csv", i)), "topic,note\n\"" + t + "\",\"" + body + "\"\n");
            }
        }
        return dir;
    }

    static Path pdfs(Path dir, int n, int pages) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            try (PDDocument doc = new PDDocument()) {
                for (int p = 0; p < pages; p++) {
                    PDPage page = new PDPage();
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        cs.beginText();
                        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                        cs.setLeading(14);
                        cs.newLineAtOffset(50, 740);
                        for (int line = 0; line < 45; line++) {
                            cs.showText("Report " + i + " page " + p + " line " + line + ": crash recovery and the undo journal.");
                            cs.newLine();
                        }
                        cs.endText();
                    }
                }
                doc.save(dir.resolve(String.format("report%03d.pdf", i)).toFile());
            }
        }
        return dir;
    }

    private static String vmHwm() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
