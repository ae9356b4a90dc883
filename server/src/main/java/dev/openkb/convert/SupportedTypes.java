package dev.openkb.convert;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file types the add pipeline accepts, as OpenKB lists them. Extensions compare
 * case-insensitively ({@code REPORT.DOCX} is a docx). Stateless; the set is immutable.
 */
public final class SupportedTypes {
    /** Lower-case, with the dot, exactly OpenKB's list. */
    public static final Set<String> EXTENSIONS = Set.of(
            ".md", ".markdown", ".txt", ".html", ".htm", ".pdf",
            ".docx", ".pptx", ".xlsx", ".xls", ".csv");

    private static final String SORTED = String.join(", ", new TreeSet<>(EXTENSIONS));

    private SupportedTypes() {
    }

    /** True when the file name ends with a supported extension, whatever its case. */
    public static boolean isSupported(Path file) {
        return EXTENSIONS.contains(lowerExtension(file));
    }

    /** The supported extensions sorted and comma separated, for messages: ".csv, .docx, ...". */
    public static String sortedList() {
        return SORTED;
    }

    /** OpenKB's wording for a refused file: "Unsupported file type: .exe. Supported: .csv, ...". */
    public static String unsupportedMessage(Path file) {
        String ext = StagedFiles.extension(file);
        return "Unsupported file type: " + (ext.isEmpty() ? "(none)" : ext) + ". Supported: " + SORTED;
    }

    /** The extension with its dot, lower-cased (".docx"), or "" when the name has none. */
    public static String lowerExtension(Path file) {
        return StagedFiles.extension(file).toLowerCase(Locale.ROOT);
    }
}
