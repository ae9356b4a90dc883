package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import dev.openkb.compile.text.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types a proper name. What its document says it is comes first ({@link ProperName#stated}: "GLib is
 * a library", "developed by the Free Software Foundation"); else it guesses from the name's own words
 * and the sentences around it:
 * organisation suffixes (Inc, Ltd, University, Lab...), place words and well-known places, event
 * words (Conference, War...), a title or a known given name for people, version-like shapes for
 * products, "book"/"paper"/"film" nearby for works; for a one-word name, well-known software, a
 * mixed-case shape ("SQLite", "LazyFS") or a software word nearby ("database", "file system") for
 * products and "and colleagues"/"et al" after it for people; "other" when nothing fits. The guess is kept only
 * when the KB's configured entity types include it. Stateless apart from its immutable {@link Lexicon}.
 */
final class EntityTyper {
    private static final Set<String> ORG = Set.of("inc", "ltd", "llc", "plc", "gmbh", "corp", "corporation", "company",
            "co", "university", "institute", "institution", "lab", "labs", "laboratory", "laboratories", "foundation",
            "association", "society", "agency", "bank", "college", "school", "council", "committee", "ministry",
            "department", "academy", "centre", "center", "brain", "research", "technologies", "press", "club", "party",
            "union", "commission", "bureau", "organization", "organisation", "team", "group", "ai", "deepmind");
    private static final Set<String> PLACE = Set.of("city", "river", "lake", "mountain", "mountains", "island", "islands",
            "county", "valley", "bay", "sea", "ocean", "street", "province", "state", "states", "republic", "kingdom",
            "park", "desert", "coast", "region", "peninsula", "gulf", "canyon", "forest", "district", "village");
    private static final Set<String> EVENT = Set.of("conference", "summit", "war", "olympics", "festival", "symposium",
            "workshop", "championship", "cup", "revolution", "election", "expo", "congress", "crisis", "pandemic",
            "hackathon", "meeting", "games", "neurips", "icml", "iclr", "acl", "cvpr");
    private static final Set<String> TITLES = Set.of("dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame",
            "president", "ceo", "senator", "minister", "king", "queen", "lord", "judge", "researcher", "author");
    private static final Set<String> PERSON_VERBS = Set.of("said", "says", "wrote", "argued", "argues", "proposed",
            "founded", "co-founded", "introduced", "noted", "explained", "believes", "believed", "led", "joined", "described",
            "and colleagues", "et al", "and coauthors", "and co-authors", "and his", "and her");
    private static final Set<String> WORK_CUES = Set.of("book", "paper", "novel", "film", "movie", "album", "article",
            "essay", "titled", "entitled", "song", "poem", "report");
    private static final Set<String> PRODUCT_WORDS = Set.of("pro", "os", "studio", "phone", "app", "engine", "framework",
            "library", "api", "sdk", "platform", "browser", "edition", "chip", "gpu", "cpu");
    private static final Set<String> SOFTWARE_CUES = Set.of("database", "databases", "engine", "engines", "kernel",
            "library", "tool", "tools", "filesystem", "documentation", "manual", "release", "released", "version",
            "versions", "driver", "server", "compiler", "editor", "extension", "plugin", "package", "software", "fuse");
    private static final Set<String> COAUTHOR_CUES = Set.of("and colleagues", "et al", "and coauthors", "and co-authors");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]|20)\\d\\d\\b");
    private static final Pattern VERSION = Pattern.compile(".*\\p{L}.*[-\\s]?\\d.*|.*\\d.*\\p{L}.*");
    private final Lexicon lexicon;

    EntityTyper(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    String guess(ProperName name, List<Sentence> contexts, List<String> allowed) {
        if (!name.stated().isEmpty() && allowed.contains(name.stated())) {
            return name.stated();
        }
        String type = rawGuess(name.surface(), contexts);
        return allowed.contains(type) ? type : "other";
    }

    private String rawGuess(String name, List<Sentence> contexts) {
        List<String> words = List.of(name.toLowerCase(Locale.ROOT).split("[\\s]+"));
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        if (words.stream().anyMatch(EVENT::contains) || words.size() > 1 && YEAR.matcher(name).find()) {
            return "event";
        }
        if (ORG.contains(last) || first.equals("university") || first.equals("bank")) {
            return "organization";
        }
        if (PLACE.contains(last) || first.equals("lake") || first.equals("mount")) {
            return "place";
        }
        if (before(name, contexts, TITLES)) {
            return "person";
        }
        if (PRODUCT_WORDS.contains(last) || words.size() <= 2 && VERSION.matcher(name).matches()) {
            return "product";
        }
        if (words.size() <= 2 && List.of(name.split("\\s+")).stream().anyMatch(ProperNames::isMixedCase)) {
            return "product";
        }
        if (words.size() == 1) {
            if (lexicon.isSoftware(first) || near(name, contexts, SOFTWARE_CUES)) {
                return "product";
            }
            if (after(name, contexts, COAUTHOR_CUES)) {
                return "person";
            }
        }
        if (before(name, contexts, WORK_CUES)) {
            return "work";
        }
        boolean personShape = words.size() >= 2 && words.size() <= 3 && !name.contains(" of ");
        if (personShape && (lexicon.isFirstName(first) || after(name, contexts, PERSON_VERBS))) {
            return "person";
        }
        if (words.stream().anyMatch(lexicon::isPlace)) {
            return "place";
        }
        return "other";
    }

    /** True when one of {@code cues} is among the three words before a mention. */
    private static boolean before(String name, List<Sentence> contexts, Set<String> cues) {
        for (Sentence s : contexts) {
            int at = s.text().indexOf(name);
            if (at > 0) {
                List<Word> prev = DocText.words(s.text().substring(0, at));
                for (int i = Math.max(0, prev.size() - 3); i < prev.size(); i++) {
                    if (cues.contains(prev.get(i).text().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when one of {@code cues} is among the three words before or the two words after a mention. */
    private static boolean near(String name, List<Sentence> contexts, Set<String> cues) {
        if (before(name, contexts, cues)) {
            return true;
        }
        for (Sentence s : contexts) {
            int at = s.text().indexOf(name);
            if (at >= 0) {
                List<Word> next = DocText.words(s.text().substring(at + name.length()));
                for (int i = 0; i < Math.min(2, next.size()); i++) {
                    if (cues.contains(next.get(i).text().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the word (or two words) right after a mention is one of {@code cues}. */
    private static boolean after(String name, List<Sentence> contexts, Set<String> cues) {
        for (Sentence s : contexts) {
            int at = s.text().indexOf(name);
            if (at >= 0) {
                List<Word> next = DocText.words(s.text().substring(at + name.length()));
                String one = next.isEmpty() ? "" : next.get(0).text().toLowerCase(Locale.ROOT);
                String two = next.size() < 2 ? "" : one + " " + next.get(1).text().toLowerCase(Locale.ROOT);
                if (cues.contains(one) || cues.contains(two)) {
                    return true;
                }
            }
        }
        return false;
    }
}
