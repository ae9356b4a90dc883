package dev.openkb.convert;

import dev.openkb.engine.KbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Opens Office files with POI so that a bad one fails that file with a clear CONVERSION_FAILED:
 * corrupt or truncated zips, old binary .doc/.ppt files renamed, password-protected files, and zip
 * bombs (entries that inflate far beyond their compressed size) are told apart.
 *
 * <p>POI's zip-bomb limits are JVM-wide static settings with no per-call form, so they are set in
 * exactly one place, this class's initializer, to fixed values that only ever tighten POI's
 * defaults: an entry may inflate at most 100× (POI's default ratio, restated so a change of
 * default cannot loosen it) and to at most {@value #MAX_ENTRY_SIZE} bytes (POI allows 4 GB,
 * far past what a document model fits in memory). Every Office converter opens files through here,
 * so the limits are in force before any Office file is read. Stateless otherwise.
 */
final class OfficeFiles {
    /** Smallest compressed/inflated ratio POI accepts for an entry past its 100 KB grace size. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest inflated size of one zip entry (256 MiB). */
    static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    @FunctionalInterface
    private interface OoxmlReader<T> {
        T read(OPCPackage pkg) throws IOException;
    }

    private OfficeFiles() {
    }

    static XWPFDocument openDocx(Path source) {
        return openOoxml(source, XWPFDocument::new);
    }

    static XMLSlideShow openPptx(Path source) {
        return openOoxml(source, XMLSlideShow::new);
    }

    /** An .xlsx or .xls workbook (POI tells them apart by content), read only. */
    static Workbook openWorkbook(Path source) {
        try {
            return WorkbookFactory.create(source.toFile(), null, true);
        } catch (KbException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(source, e);
        }
    }

    private static <T> T openOoxml(Path source, OoxmlReader<T> reader) {
        try {
            FileMagic magic;
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(source))) {
                magic = FileMagic.valueOf(in);
            }
            if (magic == FileMagic.OLE2) {
                throw isEncrypted(source)
                        ? encrypted(source, null)
                        : ShortDocs.failure(source, "an old binary Office file (.doc/.ppt) with a ."
                                + ShortDocs.type(source) + " name; save it as ." + ShortDocs.type(source));
            }
            if (magic != FileMagic.OOXML) {
                throw ShortDocs.failure(source, "not an Office Open XML file (no zip signature)");
            }
            OPCPackage pkg = OPCPackage.open(source.toFile(), PackageAccess.READ);
            try {
                return reader.read(pkg);
            } catch (IOException | RuntimeException e) {
                pkg.revert();
                throw e;
            }
        } catch (KbException e) {
            throw e;
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw failure(source, e);
        }
    }

    /** An encrypted OOXML file is an OLE2 container holding an EncryptionInfo stream. */
    private static boolean isEncrypted(Path source) {
        try (POIFSFileSystem fs = new POIFSFileSystem(source.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** The user-facing reason for a POI failure while opening or reading an Office file. */
    static KbException failure(Path source, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException) {
                return encrypted(source, t);
            }
            String msg = c.getMessage() == null ? "" : c.getMessage();
            if (msg.contains("Zip bomb detected") && msg.contains("max size")) {
                return ShortDocs.failure(source, "refused as a possible zip bomb: a part inflates past "
                        + (MAX_ENTRY_SIZE >> 20) + " MiB", t);
            }
            if (msg.contains("Zip bomb detected")) {
                return ShortDocs.failure(source, "refused as a possible zip bomb: a part inflates more than "
                        + Math.round(1 / MIN_INFLATE_RATIO) + "x its compressed size", t);
            }
            if (msg.contains("more internal file entries than expected")) {
                return ShortDocs.failure(source, "refused: the zip holds more than "
                        + ZipSecureFile.getMaxFileCount() + " entries", t);
            }
        }
        return ShortDocs.failure(source, "corrupt or truncated file (" + ShortDocs.describe(t) + ")", t);
    }

    private static KbException encrypted(Path source, Throwable cause) {
        return ShortDocs.failure(source,
                "the file is encrypted (password-protected); remove the password and add it again", cause);
    }
}
