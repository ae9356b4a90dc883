package dev.openkb.bench;

import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintFinding;
import dev.openkb.lint.LintState;
import dev.openkb.service.OpenKb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * How a reader would judge the offline compiler's wiki, counted: it adds a public-document set
 * ({@code bench/corpus/quality/}: manuals in Markdown, HTML and PDF, a paper, a CSV, plus
 * {@code docs/samples/} for the deck, the spreadsheet and the Word file) to a new KB and prints
 * <ul>
 * <li>boilerplate descriptions (target 0): a summary description that is a navigation bar, front matter,
 *     a legal notice, an author/affiliation block, or only the document's name;</li>
 * <li>summary descriptions that are sentences of 6+ words (target at least 90 %);</li>
 * <li>entities that are plain dictionary words (target at most 5 %): a one-word entity whose lower-case
 *     form is in the English word list the compiler ships, unless the document writes it in mixed case
 *     (GLib) or as an acronym of up to three letters that is no RFC 2119 keyword (GNU; not MUST, NULL);</li>
 * <li>near-duplicate concept pairs (target 0): the same words once plurals and hyphens are set aside,
 *     one single word abbreviating the other (struct/structure, dir/directory, cfg/configuration, or a pair
 *     of the compiler's curated short forms), or one with a generic head added
 *     (structure/structure-type);</li>
 * <li>names that are both a concept and an entity (target 0), and what the structural lint finds;</li>
 * <li>the summary pages of the paper and of one manual, next to the same pages of an earlier run
 *     when {@code before=<wiki folder>} is given.</li>
 * </ul>
 * Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=dev.openkb.bench.QualityBench -Dexec.args="[before=DIR] [keep=DIR]"}
 * from the repository root ({@code keep=DIR} builds the KB in DIR so it can be read afterwards).
 */
public final class QualityBench {
    static final List<String> SHOWN = List.of("fastlink-paper", "libtasn1", "libffi-The-Basics");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)^(?:next|previous|prev|up|home|contents)\\s*:|\\[index\\]|^\\s*---|\\b(?:title|layout|category)\\s*:"
                    + "|spdx-license|copyright|\\(c\\)|all rights reserved|permission is granted|hereby grants?"
                    + "|licen[cs]ed? under|warranty|trademark|department of|address for correspondence|@\\S+\\.\\w+");
    private static final Set<String> RFC2119 = Set.of("must", "shall", "should", "may", "required", "recommended",
            "optional", "not");
    private static final Map<String, String> SHORT_FORMS = shortForms();
    private static final Set<String> GENERIC_HEADS = Set.of("type", "kind", "object", "value", "data", "structure");

    public static void main(String[] args) throws Exception {
        Path before = null;
        Path keep = null;
        for (String a : args) {
            if (a.startsWith("before=")) {
                before = Path.of(a.substring(7));
            } else if (a.startsWith("keep=")) {
                keep = Path.of(a.substring(5));
            }
        }
        Path root = Files.isDirectory(Path.of("bench/corpus/quality")) ? Path.of(".") : Path.of("..");
        List<Path> inputs = List.of(root.resolve("bench/corpus/quality"), root.resolve("docs/samples"));
        Path dir = keep != null ? keep : Files.createTempDirectory("quality-bench");
        KbLayout kb = new KbInit(new AtomicFiles(new RealFileOps())).init(dir.resolve("kb"), "offline", "en");
        long t0 = System.nanoTime();
        LintState lint;
        try (OpenKb engine = new OpenKb(w -> { })) {
            AddReport r = engine.kb(kb).add(inputs, 2, ProgressListener.NONE, CancelToken.none());
            System.out.printf("Added %d documents in %.1f s (jobs=2), KB at %s%n", r.added(), (System.nanoTime() - t0) / 1e9,
                    kb.root());
            lint = engine.kb(kb).lint(CancelToken.none());
        }
        report(kb.root().resolve("wiki"), lint);
        for (String doc : SHOWN) {
            sideBySide(doc, before, kb.root().resolve("wiki"));
        }
    }

    static void report(Path wiki, LintState lint) throws IOException {
        Set<String> dictionary = dictionary();
        List<String> boilerplate = new ArrayList<>();
        List<String> notSentences = new ArrayList<>();
        List<Path> summaries = pages(wiki.resolve("summaries"));
        for (Path p : summaries) {
            String doc = stem(p);
            String d = description(Files.readString(p));
            if (isBoilerplate(d, doc)) {
                boilerplate.add(doc + ": " + d);
            }
            if (!isSentence(d)) {
                notSentences.add(doc + ": " + d);
            }
        }
        List<String> entityTitles = new ArrayList<>();
        List<String> dictionaryEntities = new ArrayList<>();
        for (Path p : pages(wiki.resolve("entities"))) {
            String title = title(Files.readString(p), stem(p));
            entityTitles.add(title);
            if (isDictionaryWord(title, dictionary)) {
                dictionaryEntities.add(title);
            }
        }
        List<String> concepts = pages(wiki.resolve("concepts")).stream().map(QualityBench::stem).toList();
        List<String> nearDuplicates = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            for (int j = i + 1; j < concepts.size(); j++) {
                if (nearDuplicate(concepts.get(i), concepts.get(j))) {
                    nearDuplicates.add(concepts.get(i) + " ~ " + concepts.get(j));
                }
            }
        }
        Set<String> entityKeys = new HashSet<>();
        pages(wiki.resolve("entities")).forEach(p -> entityKeys.add(normal(stem(p))));
        List<String> both = concepts.stream().filter(c -> entityKeys.contains(normal(c))).toList();

        int n = summaries.size();
        System.out.printf("%nDocuments: %d, concept pages: %d, entity pages: %d%n", n, concepts.size(), entityTitles.size());
        System.out.printf("Boilerplate descriptions: %d (target 0)%n", boilerplate.size());
        boilerplate.forEach(s -> System.out.println("    " + s));
        System.out.printf("Summary descriptions that are sentences of 6+ words: %d / %d = %.0f %% (target >= 90 %%)%n",
                n - notSentences.size(), n, 100.0 * (n - notSentences.size()) / Math.max(1, n));
        notSentences.forEach(s -> System.out.println("    not a sentence: " + s));
        System.out.printf("Entities that are plain dictionary words: %d / %d = %.1f %% (target <= 5 %%)%n",
                dictionaryEntities.size(), entityTitles.size(), 100.0 * dictionaryEntities.size() / Math.max(1, entityTitles.size()));
        if (!dictionaryEntities.isEmpty()) {
            System.out.println("    " + String.join(", ", dictionaryEntities));
        }
        System.out.printf("Near-duplicate concept pairs: %d (target 0)%n", nearDuplicates.size());
        nearDuplicates.forEach(s -> System.out.println("    " + s));
        System.out.printf("Names that are both a concept and an entity: %d (target 0)%n", both.size());
        if (!both.isEmpty()) {
            System.out.println("    " + String.join(", ", both));
        }
        System.out.println("Concepts: " + String.join(", ", concepts));
        System.out.println("Entities: " + String.join(", ", entityTitles));
        TreeMap<String, Integer> codes = new TreeMap<>();
        for (LintFinding f : lint.all()) {
            codes.merge(f.code(), 1, Integer::sum);
        }
        System.out.println("Structural lint: " + (lint.isClean() ? "clean" : lint.total() + " findings " + codes));
    }

    static boolean isBoilerplate(String description, String doc) {
        String d = description.strip();
        return d.isEmpty() || BOILERPLATE.matcher(d).find() || d.equalsIgnoreCase(doc)
                || d.replaceAll("[-_ ]", "").equalsIgnoreCase(doc.replaceAll("[-_ ]", ""));
    }

    /** Six words or more, opening with a capital or a digit and ending as a sentence ends. */
    static boolean isSentence(String d) {
        String t = d.strip();
        return t.split("\\s+").length >= 6 && !t.isEmpty() && (Character.isUpperCase(t.codePointAt(0))
                || Character.isDigit(t.codePointAt(0)) || t.startsWith("`")) && t.matches("(?s).*[.!?][\"')”’]?$");
    }

    static boolean isDictionaryWord(String title, Set<String> dictionary) {
        if (title.contains(" ")) {
            return false;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        boolean acronym = title.length() >= 2 && title.equals(title.toUpperCase(Locale.ROOT));
        boolean mixedCase = !acronym && title.substring(1).chars().anyMatch(Character::isUpperCase);
        if (mixedCase || acronym && title.length() <= 3 && !RFC2119.contains(lower)) {
            return false; // "GLib", "GNU": a shape no plain word has
        }
        return dictionary.contains(lower);
    }

    static boolean nearDuplicate(String a, String b) {
        String na = normal(a);
        String nb = normal(b);
        if (na.equals(nb)) {
            return true;
        }
        if (!na.contains(" ") && !nb.contains(" ")) {
            String shorter = na.length() <= nb.length() ? na : nb;
            String longer = shorter == na ? nb : na;
            return shorter.length() >= 3 && longer.startsWith(shorter) || abbreviates(shorter, longer);
        }
        for (String[] pair : new String[][] {{na, nb}, {nb, na}}) {
            if (pair[1].startsWith(pair[0] + " ") && GENERIC_HEADS.contains(pair[1].substring(pair[0].length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short form of the longer word: a pair in the compiler's curated list, or the same first letter
     * with the short form's letters in order inside a word at least twice as long ("cfg", "configuration").
     */
    static boolean abbreviates(String shorter, String longer) {
        if (longer.equals(SHORT_FORMS.get(shorter))) {
            return true;
        }
        if (shorter.length() < 3 || shorter.length() * 2 > longer.length() || shorter.charAt(0) != longer.charAt(0)) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < longer.length() && j < shorter.length(); i++) {
            if (longer.charAt(i) == shorter.charAt(j)) {
                j++;
            }
        }
        return j == shorter.length();
    }

    /** The compiler's curated short forms ("struct structure" a line), read from its jar. */
    private static Map<String, String> shortForms() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = QualityBench.class.getResourceAsStream("/dev/openkb/compile/offline/abbreviations.txt")) {
            if (in == null) {
                throw new IllegalStateException("abbreviations.txt is not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\s+");
                if (!line.startsWith("#") && parts.length == 2) {
                    out.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(out);
    }

    /** Lower case, hyphens as spaces, each word without a plural s. */
    static String normal(String slug) {
        List<String> words = new ArrayList<>();
        for (String w : slug.toLowerCase(Locale.ROOT).replaceAll("-[0-9a-f]{8}$", "").split("[-_\\s]+")) {
            words.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
        }
        return String.join(" ", words);
    }

    static void sideBySide(String doc, Path before, Path wiki) throws IOException {
        Path after = wiki.resolve("summaries").resolve(doc + ".md");
        if (!Files.isRegularFile(after)) {
            return;
        }
        List<String> right = Files.readAllLines(after);
        List<String> left = before != null && Files.isRegularFile(before.resolve("summaries").resolve(doc + ".md"))
                ? Files.readAllLines(before.resolve("summaries").resolve(doc + ".md")) : List.of();
        System.out.printf("%n==== summaries/%s.md%s%n", doc, left.isEmpty() ? "" : " — before | after");
        int w = 78;
        for (int i = 0; i < Math.min(60, Math.max(left.size(), right.size())); i++) {
            String r = i < right.size() ? right.get(i) : "";
            if (left.isEmpty()) {
                System.out.println(r);
            } else {
                String l = i < left.size() ? left.get(i) : "";
                System.out.printf("%-" + w + "s | %s%n", cut(l, w), cut(r, w));
            }
        }
    }

    private static String cut(String s, int w) {
        return s.length() <= w ? s : s.substring(0, w - 1) + "…";
    }

    static String description(String page) {
        for (String line : page.split("\n")) {
            if (line.startsWith("description: ")) {
                String v = line.substring(13).strip();
                return v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2
                        ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v;
            }
        }
        return "";
    }

    static String title(String page, String fallback) {
        for (String line : page.split("\n")) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return fallback;
    }

    private static List<Path> pages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - 3);
    }

    /** The compiler's English word list (lower-case entries are common words; SCOWL via Debian's wamerican). */
    static Set<String> dictionary() throws IOException {
        Set<String> words = new HashSet<>();
        try (InputStream in = QualityBench.class.getResourceAsStream("/dev/openkb/compile/offline/english-words.txt.gz")) {
            if (in == null) {
                throw new IOException("english-words.txt.gz is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        }
        return words;
    }
}
