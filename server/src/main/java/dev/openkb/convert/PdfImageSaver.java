package dev.openkb.convert;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Saves the images of a PDF as PNG files named like OpenKB's ({@code p{page}_img{n}.png}, n counting
 * across the whole document) into the staging images folder. Images under 32 px in either direction
 * (bullets, icons, rules) are skipped; CMYK, indexed and masked images come out as RGB(A) through
 * pdfbox's decoder; an image that cannot be decoded is skipped, as OpenKB skips it. An image object
 * drawn on several pages is saved once and linked from each of them. Very large images are decoded
 * subsampled so one image never needs more than about 64 MB of pixels.
 *
 * <p>Threading: one instance per document, used by that document's converter thread.
 */
final class PdfImageSaver {
    static final int MIN_SIDE = 32;
    private static final long MAX_PIXELS = 16L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(PdfImageSaver.class.getName());

    private final Path dir;
    private final Map<COSBase, String> savedObjects = new IdentityHashMap<>();
    private final List<Path> files = new ArrayList<>();
    private int counter;

    PdfImageSaver(Path dir) {
        this.dir = dir;
    }

    /** Saves the page's images (those not saved before) and returns their file names, in order. */
    List<String> save(int page, List<PDImage> images) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (PDImage image : images) {
            if (image.getWidth() < MIN_SIDE || image.getHeight() < MIN_SIDE) {
                continue;
            }
            COSBase key = image instanceof PDImageXObject x ? x.getCOSObject() : null;
            String known = key == null ? null : savedObjects.get(key);
            if (known != null) {
                names.add(known);
                continue;
            }
            BufferedImage pixels = decode(page, image);
            if (pixels == null) {
                continue;
            }
            String name = "p" + page + "_img" + (++counter) + ".png";
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            if (!ImageIO.write(pixels, "png", file.toFile())) {
                throw new IOException("no PNG writer for image type " + pixels.getType());
            }
            files.add(file);
            names.add(name);
            if (key != null) {
                savedObjects.put(key, name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Every file written so far, in document order. */
    List<Path> files() {
        return List.copyOf(files);
    }

    private static BufferedImage decode(int page, PDImage image) {
        try {
            long pixels = (long) image.getWidth() * image.getHeight();
            int subsampling = 1;
            while (pixels / ((long) subsampling * subsampling) > MAX_PIXELS) {
                subsampling++;
            }
            BufferedImage decoded = subsampling == 1 ? image.getImage() : image.getImage(null, subsampling);
            return decoded == null ? null : pngCompatible(decoded);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Failed to save an image on page " + page + ": " + e);
            return null;
        }
    }

    /** ImageIO's PNG writer refuses some custom layouts; redraw those as plain ARGB. */
    private static BufferedImage pngCompatible(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_CUSTOM) {
            return img;
        }
        BufferedImage argb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return argb;
    }
}
