package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import dev.openkb.compile.text.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Proper names in prose and table rows: runs of two or more capitalised words (with "of", "for",
 * "de", "van"... allowed inside: "University of Toronto"), and single words that can only be names (never a common English word unless the lexicon knows it as a
 * name):
 * mixed case ("SQLite", "LazyFS"), acronyms of three letters or more ("LMDB", "GPT-4"), or a
 * capitalised word where capitals are not grammar (inside a sentence, or labelling a table row) that
 * is not a stop word, verb or generic noun. A name without a mixed-case or acronym word that the
 * document also writes in lower case is a capitalised title, not a name ("Power Loss" when "power
 * loss" also occurs). A stop word capitalised only because it starts
 * the sentence is dropped ("The Transformer" is not a name, "Google Brain" is). Title-case lines (more
 * than 70% capitalised words) are skipped: they read as headings. Stateless apart from its immutable
 * {@link Lexicon}.
 */
final class ProperNames {
    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "del", "der", "van", "von", "la", "le", "du",
            "da", "di");
    private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Z0-9]*(?:[-.&][A-Z0-9]+)*");
    private static final Set<String> ROMAN = Set.of("II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX");
    /** RFC 2119 keywords: capitals that mark requirements, not names ("MUST", "SHOULD NOT"). */
    private static final Set<String> RFC2119 = Set.of("must", "shall", "should", "may", "required", "recommended",
            "optional", "not");
    static final int MAX_WORDS = 5;
    private final Lexicon lexicon;
    private final NlpModels models;

    ProperNames(Lexicon lexicon, NlpModels models) {
        this.lexicon = lexicon;
        this.models = models;
    }

    /** Names by mentions (most first), then key. */
    List<ProperName> extract(DocText doc) {
        List<String> found = new ArrayList<>();
        Set<String> plain = new HashSet<>();
        for (Sentence s : doc.mentionable()) {
            for (String name : names(s)) {
                found.add(name);
                if (!isMixedCase(name) && !isAcronym(name)) {
                    plain.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<String> writtenLower = writtenInLowerCase(doc, plain);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (String name : found) {
            String key = name.toLowerCase(Locale.ROOT);
            if (writtenLower.contains(key) && !isMixedCase(name) && !isAcronym(name)) {
                continue;
            }
            counts.merge(key, 1, Integer::sum);
            surfaces.computeIfAbsent(key, k -> new TreeMap<>()).merge(name, 1, Integer::sum);
        }
        List<ProperName> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String surface = mostFrequent(surfaces.get(k));
            // A capitalised common English word ("History", "Opaque", "Accuracy") is a defined term, a label
            // or emphasis, not a name, unless it is a name the lexicon knows ("Python", "Windows", "Paris")
            // and the document repeats it.
            boolean commonWord = k.indexOf(' ') < 0 && !isMixedCase(surface) && !isAcronym(surface)
                    && (models.isDictionaryWord(k) || models.isDictionaryWord(KeyPhrases.key(k)));
            boolean knownName = lexicon.isSoftware(k) || lexicon.isPlace(k) || lexicon.isFirstName(k);
            if (!commonWord || knownName && c >= 2) {
                out.add(new ProperName(k, surface, c));
            }
        });
        out.sort(Comparator.comparingInt(ProperName::count).reversed().thenComparing(ProperName::key));
        return out;
    }

    List<String> names(Sentence s) {
        List<Word> words = s.words();
        long caps = words.stream().filter(w -> isCapitalised(w.text())).count();
        if (words.size() >= 5 && caps * 10 > words.size() * 7) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!isCapitalised(words.get(i).text())) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < words.size() && !words.get(end).breakBefore()) {
                String w = words.get(end).text();
                if (isCapitalised(w)) {
                    end++;
                } else if (w.length() == 1 && Character.isUpperCase(w.charAt(0)) && end + 1 < words.size()
                        && !words.get(end + 1).breakBefore() && isCapitalised(words.get(end + 1).text())) {
                    end += 2; // an initial or a one-letter name inside a longer one ("GNU C Library")
                } else if (CONNECTORS.contains(w) && end + 1 < words.size() && !words.get(end + 1).breakBefore()
                        && isCapitalised(words.get(end + 1).text())) {
                    end += 2;
                } else {
                    break;
                }
            }
            String name = name(s, i, end);
            if (name != null) {
                out.add(name);
            }
            i = end;
        }
        return out;
    }

    private String name(Sentence s, int start, int end) {
        List<Word> words = s.words();
        int from = start;
        String firstLower = words.get(0).text().toLowerCase(Locale.ROOT);
        if (from == 0 && (lexicon.isStopWord(firstLower) || lexicon.isVerb(firstLower))) {
            from++;
        }
        List<String> parts = new ArrayList<>();
        for (int k = from; k < end; k++) {
            parts.add(words.get(k).text());
        }
        while (!parts.isEmpty() && CONNECTORS.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
            parts.remove(0);
        }
        if (parts.isEmpty()) {
            return null;
        }
        int last = parts.size() - 1;
        parts.set(last, parts.get(last).replaceFirst("['’]s$", ""));
        long capitalised = parts.stream().filter(ProperNames::isCapitalised).count();
        if (parts.size() > MAX_WORDS || parts.stream().allMatch(p -> isKeyword(p))) {
            return null; // a title-cased table header or a run of requirement keywords, not a name
        }
        if (capitalised >= 2 || parts.size() == 1 && isSingleName(parts.get(0), s, from)) {
            return String.join(" ", parts);
        }
        return null;
    }

    /** A stop word, a common verb or an RFC 2119 keyword, whatever its case ("AND", "MUST", "Not"). */
    private boolean isKeyword(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        return RFC2119.contains(lower) || lexicon.isStopWord(lower) || lexicon.isVerb(lower);
    }

    /**
     * A one-word name: its shape says so (mixed case, an acronym that is no keyword), or its capital is
     * not grammar and it is no stop word, verb or generic noun. Never a piece of a constant
     * ("SUCCESS" in "ASN1_SUCCESS") nor a common English word in capitals longer than three letters
     * ("NULL", "ELEMENT"; "GNU" stays). A capitalised common word ("Python", "Index") must recur:
     * see {@link #extract}.
     */
    private boolean isSingleName(String w, Sentence s, int at) {
        String text = s.text();
        if (isKeyword(w) || text.contains(w + "_") || text.contains("_" + w)
                || isAcronym(w) && w.length() > 3 && models.isDictionaryWord(w.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (isMixedCase(w) || isAcronym(w) && w.chars().filter(Character::isLetter).count() >= 3) {
            return true;
        }
        List<Word> words = s.words();
        boolean wholeFirstCell = at == 0 && (words.size() == 1 || words.get(1).breakBefore());
        boolean capitalNotGrammar = s.kind() == Sentence.Kind.ROW ? wholeFirstCell : at > 0;
        String lower = w.toLowerCase(Locale.ROOT);
        return capitalNotGrammar && isPlainWord(w) && w.length() >= 3 && !lexicon.isStopWord(lower)
                && !lexicon.isVerb(lower) && !lexicon.isGeneric(lower) && !lexicon.isGeneric(KeyPhrases.key(lower));
    }

    /** "SQLite", "PostgreSQL", "LazyFS", "NVMe": a capital after a lower-case letter, or capitals then lower case. */
    static boolean isMixedCase(String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || w.chars().noneMatch(Character::isLowerCase)) {
            return false;
        }
        for (int i = 1; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i)) && Character.isLetter(w.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which of {@code keys} (lower-case names, words joined by one space) the document also writes in
     * lower case: as consecutive lower-case words of one sentence with no punctuation between them. A
     * name found so ("power loss", "durability") is a common phrase that a title capitalised, not a
     * name. One pass over the words, walking from each word only as far as some key's prefix matches,
     * so the cost is linear in the document (a scan of the text per name was quadratic).
     */
    static Set<String> writtenInLowerCase(DocText doc, Set<String> keys) {
        Set<String> prefixes = new HashSet<>();
        for (String k : keys) {
            for (int sp = k.indexOf(' '); sp >= 0; sp = k.indexOf(' ', sp + 1)) {
                prefixes.add(k.substring(0, sp));
            }
        }
        Set<String> found = new HashSet<>();
        StringBuilder b = new StringBuilder();
        for (Sentence s : doc.sentences()) {
            List<Word> words = s.words();
            for (int i = 0; i < words.size(); i++) {
                b.setLength(0);
                for (int j = i; j < words.size() && isLowerRun(words.get(j), j == i); j++) {
                    if (j > i) {
                        b.append(' ');
                    }
                    b.append(words.get(j).text());
                    String gram = b.toString();
                    if (keys.contains(gram)) {
                        found.add(gram);
                    }
                    if (!prefixes.contains(gram)) {
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** The word is written in lower case and, unless it starts the run, not cut from the previous one by punctuation. */
    private static boolean isLowerRun(Word w, boolean first) {
        return (first || !w.breakBefore()) && w.text().equals(w.text().toLowerCase(Locale.ROOT));
    }

    /** One capitalised word with nothing else that marks it as a name ("Git", "Durability"). */
    private static boolean isPlainWord(String name) {
        return name.indexOf(' ') < 0 && isCapitalised(name) && !isMixedCase(name) && !isAcronym(name);
    }

    static boolean isCapitalised(String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0))) {
            return false;
        }
        return w.codePoints().anyMatch(Character::isLowerCase) || isAcronym(w);
    }

    static boolean isAcronym(String w) {
        if (w.length() < 2 || w.length() > 12 || ROMAN.contains(w) || !ACRONYM.matcher(w).matches()) {
            return false;
        }
        return w.chars().filter(Character::isUpperCase).count() >= 2;
    }

    private static String mostFrequent(Map<String, Integer> surfaces) {
        return surfaces.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElseThrow();
    }
}
