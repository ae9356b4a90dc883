package dev.openkb.wiki;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Page slugs for concepts and entities: OpenKB's {@code _sanitize_concept_name} (NFKC, every char
 * that is not a Python {@code \w} word char or {@code -} becomes {@code -}, {@code -} stripped from
 * both ends, {@code unnamed-concept} when nothing is left).
 *
 * <p><b>Lower-casing (OpenKB defect 7).</b> OpenKB keeps case, so {@code Attention} and
 * {@code attention} become two pages that collide on case-insensitive file systems (macOS, Windows).
 * {@link #concept} lower-cases new slugs. {@link #conceptPreservingCase} is OpenKB's exact slug; the
 * compiler uses it to find a page an older OpenKB wrote with capitals, and updates that page instead
 * of creating a lower-case twin.
 *
 * <p>Python's {@code \w} (str patterns) is: letters (categories L*), numbers (Nd, Nl, No) and
 * {@code _}; unlike Java's Unicode {@code \w} it excludes combining marks, so we test categories
 * directly to produce the same slugs as OpenKB. Stateless.
 */
public final class Slugs {
    public static final String UNNAMED = "unnamed-concept";

    private Slugs() {
    }

    /** The lower-cased slug for a new concept or entity page. */
    public static String concept(String name) {
        return sanitize(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    /** OpenKB's exact, case-preserving slug. */
    public static String conceptPreservingCase(String name) {
        return sanitize(name);
    }

    private static String sanitize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isPythonWordChar(cp) || cp == '-') {
                out.appendCodePoint(cp);
            } else {
                out.append('-');
            }
        });
        String slug = PyText.strip(out.toString(), '-');
        return slug.isEmpty() ? UNNAMED : slug;
    }

    private static boolean isPythonWordChar(int cp) {
        if (cp == '_' || Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
