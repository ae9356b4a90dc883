package dev.openkb.bench;

import dev.openkb.convert.ConvertRequest;
import dev.openkb.convert.ConvertedDoc;
import dev.openkb.convert.PdfConverter;
import dev.openkb.engine.CancelToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * How much heap converting a big PDF takes. Generates a PDF of about the requested size (pages of text
 * plus a 1000×1000 RGB image, each page its own copy of the image so the file really is that big),
 * then converts it as a long document and prints the time and the peak heap seen while converting.
 * The point: heap stays far below the file size, because the PDF is read through a buffered window,
 * parsed streams go to temp files and pages are handled one at a time.
 *
 * <pre>
 * mvn -o -q -pl server,bench -am package -DskipTests
 * java -Xmx256m -cp server/target/openkb.jar:bench/target/classes dev.openkb.bench.PdfMemoryBench [MB] [dir]
 * </pre>
 * MB defaults to 200; dir defaults to a temp folder, deleted afterwards.
 */
public final class PdfMemoryBench {
    private static final int SIDE = 1000;
    private static final int IMAGE_BYTES = SIDE * SIDE * 3;

    private PdfMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean keep = args.length > 1;
        Path dir = keep ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("pdf-bench");
        try {
            Path pdf = dir.resolve("big.pdf");
            long t0 = System.nanoTime();
            int pages = generate(pdf, megabytes);
            System.out.printf(Locale.ROOT, "generated %s: %d pages, %.1f MB in %.1f s%n", pdf, pages,
                    Files.size(pdf) / 1e6, (System.nanoTime() - t0) / 1e9);
            convert(pdf, dir.resolve("staging"));
        } finally {
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private static void convert(Path pdf, Path staging) throws IOException, InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        ConvertedDoc doc = new PdfConverter().convert(new ConvertRequest(pdf, "big", staging, 20, CancelToken.none()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf(Locale.ROOT, "converted as %s: %d pages, %d images, json %.1f MB in %.1f s%n",
                doc.kind(), doc.pageCount(), doc.images().size(), Files.size(doc.stagedSource()) / 1e6, seconds);
        System.out.printf(Locale.ROOT, "heap: baseline %.1f MB, peak used while converting %.1f MB, max heap %.0f MB%n",
                baseline / 1e6, peak.get() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** Writes about {@code megabytes} MB; image streams go through a temp-file cache, not the heap. */
    private static int generate(Path pdf, int megabytes) throws IOException {
        byte[] image = deflatedNoise();
        int pages = Math.max(20, (int) Math.ceil(megabytes * 1e6 / image.length));
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject img = new PDImageXObject(doc, new ByteArrayInputStream(image), COSName.FLATE_DECODE,
                        SIDE, SIDE, 8, PDDeviceRGB.INSTANCE);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    text(cs, font, n % 10 == 1 ? 18 : 11, n % 10 == 1 ? (n / 10 + 1) + " Section" : "Page " + n,
                            780);
                    text(cs, font, 11, "This page carries one large picture and a little text.", 760);
                    cs.drawImage(img, 50, 100, 495, 495);
                }
            }
            doc.save(pdf.toFile());
        }
        return pages;
    }

    private static void text(PDPageContentStream cs, PDType1Font font, float size, String s, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(50, y);
        cs.showText(s);
        cs.endText();
    }

    /** Random RGB pixels, deflated once: incompressible, so each page adds about 3 MB to the file. */
    private static byte[] deflatedNoise() {
        byte[] raw = new byte[IMAGE_BYTES];
        new Random(42).nextBytes(raw);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(IMAGE_BYTES + 1024);
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
