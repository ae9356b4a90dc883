package dev.openkb.compile.offline;

import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a document says a proper name is, read from its own sentences with part-of-speech tags: a
 * copula ("GLib is a general-purpose utility library", "Ninja is yet another build system"), an
 * appositive ("the GNU C Library, a library for …", "Linus Torvalds, the creator of Linux") or a
 * maker ("developed by the FSF": a person when the name starts with a known given name, an
 * organisation when it is an acronym, else left to the guess). The head noun of the phrase that follows
 * gives the type (library → product, protocol → work, company → organization, developer → person);
 * each statement is a vote and the most voted type wins, ties going to the first stated. A name the
 * text says nothing about keeps "" and is typed as before by {@link EntityTyper}. Stateless apart
 * from its immutable {@link Lexicon}.
 */
final class StatedTypes {
    /** Names looked at: the ones that can become pages, with room to spare. */
    private static final int NAMES = 30;
    /** Sentences read per name: the first statements are the defining ones. */
    private static final int SENTENCES = 12;
    /** Words of the predicate phrase read for its head. */
    private static final int PHRASE = 8;
    private static final Map<String, String> HEADS = heads();
    private static final Set<String> COPULA_DETERMINERS = Set.of("a", "an", "the", "another", "one");
    private static final Set<String> MAKER_VERBS = Set.of("develop", "maintain", "write", "create", "found", "publish",
            "sponsor", "design", "author", "invent", "fund", "release", "start");
    private static final Set<String> STOP_TAGS = Set.of("ADP", "AUX", "DET", "PRON", "SCONJ", "PART", "CCONJ", "VERB");

    private final Lexicon lexicon;

    StatedTypes(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** {@code names} with the type their document's sentences state, where they state one. */
    List<ProperName> apply(DocText doc, java.util.Set<Sentence> body, List<ProperName> names, Function<Sentence, Tagged> tagger) {
        List<ProperName> out = new ArrayList<>(names.size());
        for (int n = 0; n < names.size(); n++) {
            ProperName name = names.get(n);
            String type = n < NAMES ? stated(doc, body, name.surface(), tagger) : "";
            out.add(type.isEmpty() ? name : name.withStated(type));
        }
        return out;
    }

    private String stated(DocText doc, java.util.Set<Sentence> body, String surface, Function<Sentence, Tagged> tagger) {
        String[] want = surface.split(" ");
        Map<String, Integer> votes = new HashMap<>();
        List<String> order = new ArrayList<>();
        int read = 0;
        for (Sentence s : doc.prose()) {
            if (read >= SENTENCES) {
                break;
            }
            if (!body.contains(s) || !s.text().contains(surface)) {
                continue;
            }
            read++;
            Tagged t = tagger.apply(s);
            for (int at = find(t, want, 0); at >= 0; at = find(t, want, at + 1)) {
                String type = typeAt(t, at, at + want.length, want);
                if (!type.isEmpty()) {
                    if (votes.merge(type, 1, Integer::sum) == 1) {
                        order.add(type);
                    }
                }
            }
        }
        String best = "";
        int most = 0;
        for (String type : order) {
            if (votes.get(type) > most) {
                best = type;
                most = votes.get(type);
            }
        }
        return best;
    }

    /** The type one mention states, from what follows it (copula, appositive) or precedes it (a maker). */
    private String typeAt(Tagged t, int start, int end, String[] name) {
        int i = end;
        if (i < t.size() && t.tokens()[i].equals("’s") || i < t.size() && t.tokens()[i].equals("'s")) {
            return ""; // "GLib's API is a …" is about the API
        }
        if (i + 1 < t.size() && t.lemma(i).equals("be")) {
            i++;
            while (i < t.size() && t.tags()[i].equals("ADV")) {
                i++; // "is yet another", "is now a"
            }
            if (i < t.size() && COPULA_DETERMINERS.contains(t.tokens()[i].toLowerCase(Locale.ROOT))) {
                return head(t, i + 1);
            }
        } else if (i + 1 < t.size() && t.tokens()[i].equals(",")
                && COPULA_DETERMINERS.contains(t.tokens()[i + 1].toLowerCase(Locale.ROOT))) {
            return head(t, i + 2);
        }
        int by = start >= 1 && t.tags()[start - 1].equals("DET") ? start - 2 : start - 1; // "by the Free Software Foundation"
        if (by >= 1 && t.tokens()[by].equalsIgnoreCase("by") && MAKER_VERBS.contains(t.lemma(by - 1))) {
            // A maker is a person or an organisation; only a known given name or an acronym ("the FSF")
            // tells which, and "developed by Linus Torvalds" must not make a company of him.
            if (name.length >= 2 && name.length <= 3 && lexicon.isFirstName(name[0].toLowerCase(Locale.ROOT))) {
                return "person";
            }
            return name.length == 1 && ProperNames.isAcronym(name[0]) ? "organization" : "";
        }
        return "";
    }

    /**
     * The type of the noun phrase starting at {@code from}: its words up to a preposition, verb,
     * pronoun or clause ("a general-purpose utility library that …", "a fast, scalable, distributed
     * revision control system with …"), whose last noun is the head.
     */
    private static String head(Tagged t, int from) {
        String head = null;
        for (int i = from; i < t.size() && i < from + PHRASE; i++) {
            String tag = t.tags()[i];
            String tok = t.tokens()[i];
            boolean participle = tag.equals("VERB") && (tok.endsWith("ed") || tok.endsWith("ing"));
            if (STOP_TAGS.contains(tag) && !participle || tag.equals("PUNCT") && !tok.equals(",") && !tok.equals("-")) {
                break;
            }
            if (tag.equals("NOUN") || tag.equals("PROPN") && tok.equals(tok.toLowerCase(Locale.ROOT))) {
                head = KeyPhrases.singular(t.lemma(i));
            }
        }
        return head == null ? "" : HEADS.getOrDefault(head, "");
    }

    /** The first token index at or after {@code from} where the name's words start, or -1. */
    private static int find(Tagged t, String[] want, int from) {
        outer:
        for (int i = from; i + want.length <= t.size(); i++) {
            for (int j = 0; j < want.length; j++) {
                if (!t.tokens()[i + j].equals(want[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, String> heads() {
        Map<String, String> m = new HashMap<>();
        for (String w : List.of("library", "tool", "toolkit", "program", "application", "app", "system", "database",
                "compiler", "editor", "kernel", "framework", "package", "language", "interpreter", "shell", "utility",
                "implementation", "engine", "server", "client", "browser", "service", "software", "distribution",
                "platform", "command", "daemon", "debugger", "module", "extension", "plugin", "driver", "filesystem",
                "product", "device", "processor", "chip", "fork", "wrapper", "frontend", "backend", "suite", "runtime")) {
            m.put(w, "product");
        }
        for (String w : List.of("protocol", "format", "standard", "specification", "notation", "paper", "book", "manual",
                "article", "report", "document", "license", "licence", "rfc", "thesis", "essay", "novel", "film")) {
            m.put(w, "work");
        }
        for (String w : List.of("company", "corporation", "organization", "organisation", "foundation", "project",
                "team", "consortium", "community", "vendor", "university", "institute", "firm", "startup",
                "agency", "laboratory", "lab", "nonprofit", "charity", "committee", "department")) {
            m.put(w, "organization");
        }
        for (String w : List.of("developer", "programmer", "engineer", "author", "researcher", "scientist", "professor",
                "maintainer", "founder", "creator", "hacker", "mathematician", "inventor", "student", "designer",
                "contributor", "writer", "physicist", "biologist", "geneticist", "person", "man", "woman")) {
            m.put(w, "person");
        }
        for (String w : List.of("city", "country", "town", "region", "capital", "village", "island",
                "continent", "province")) {
            m.put(w, "place");
        }
        for (String w : List.of("conference", "workshop", "meeting", "summit", "festival", "war", "election",
                "symposium", "hackathon")) {
            m.put(w, "event");
        }
        return Map.copyOf(m);
    }
}
