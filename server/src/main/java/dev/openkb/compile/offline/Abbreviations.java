package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short forms and the words they stand for, so a short form and its full word are one concept
 * (struct/structure, dir/directory): a small curated list of programming short forms
 * ({@code abbreviations.txt}, its source named there), and the ones a document defines itself
 * ("structure (struct)", "struct, short for structure", "dir is an abbreviation of directory").
 * A defined pair is kept only when it has the shape of an abbreviation: the same first letter, the
 * short form's letters in order inside the full word, and the short form shorter by two letters at
 * least, so "function (see below)" or "node (a vertex)" define nothing. The curated map is loaded
 * once and immutable.
 */
final class Abbreviations {
    private static final Map<String, String> CURATED = load();
    private static final Pattern FULL_THEN_SHORT = Pattern.compile("\\b(\\p{L}{4,})\\s+\\((\\p{Ll}{2,8})\\)");
    private static final Pattern SHORT_FOR = Pattern.compile("(?i)\\b(\\p{L}{2,8}),?\\s+(?:\\(\\s*)?(?:short for"
            + "|(?:is\\s+|as\\s+)?an? (?:abbreviation|short form) (?:of|for))\\s+(?:the\\s+|an?\\s+)?(\\p{L}{4,})");

    private Abbreviations() {
    }

    /** The full word for a curated short form (already singular, lower case), or the word itself. */
    static String expand(String lowerSingular) {
        return CURATED.getOrDefault(lowerSingular, lowerSingular);
    }

    /** True when {@code lowerSingular} is a curated short form. */
    static boolean isShortForm(String lowerSingular) {
        return CURATED.containsKey(lowerSingular);
    }

    /**
     * The short forms {@code doc} defines, each to its full word (matching forms, singular, lower
     * case), in a sorted map so the result does not depend on hash order.
     */
    static Map<String, String> definedIn(DocText doc) {
        Map<String, String> out = new TreeMap<>();
        for (Sentence s : doc.prose()) {
            Matcher a = FULL_THEN_SHORT.matcher(s.text());
            while (a.find()) {
                define(a.group(2), a.group(1), out);
            }
            Matcher b = SHORT_FOR.matcher(s.text());
            while (b.find()) {
                define(b.group(1), b.group(2), out);
            }
        }
        return out;
    }

    private static void define(String shortForm, String full, Map<String, String> out) {
        String s = KeyPhrases.key(shortForm.toLowerCase(Locale.ROOT));
        String f = KeyPhrases.key(full.toLowerCase(Locale.ROOT));
        if (isAbbreviation(s, f)) {
            out.putIfAbsent(s, f);
        }
    }

    /** The same first letter, the short form's letters in order in the full word, two letters shorter or more. */
    static boolean isAbbreviation(String shortForm, String full) {
        if (shortForm.length() < 2 || shortForm.length() + 2 > full.length() || shortForm.charAt(0) != full.charAt(0)) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < full.length() && j < shortForm.length(); i++) {
            if (full.charAt(i) == shortForm.charAt(j)) {
                j++;
            }
        }
        return j == shortForm.length();
    }

    private static Map<String, String> load() {
        try (InputStream in = Abbreviations.class.getResourceAsStream("abbreviations.txt")) {
            if (in == null) {
                throw new IllegalStateException("abbreviations.txt missing from the jar");
            }
            Map<String, String> map = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\s+");
                if (!line.startsWith("#") && parts.length == 2) {
                    map.put(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT));
                }
            }
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read abbreviations.txt", e);
        }
    }
}
