package dev.openkb.compile.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the offline compiler reads text with: English stop words and common verbs (they end
 * key phrases), generic nouns (never a one-word concept), common given names, well-known places and
 * well-known software (entity-type cues). Loaded from the jar once per compiler; immutable afterwards, so safe to share across threads.
 */
final class Lexicon {
    private final Set<String> stopWords;
    private final Set<String> genericWords;
    private final Set<String> firstNames;
    private final Set<String> places;
    private final Set<String> verbs;
    private final Set<String> software;

    private Lexicon(Set<String> stopWords, Set<String> genericWords, Set<String> firstNames, Set<String> places,
                    Set<String> verbs, Set<String> software) {
        this.stopWords = stopWords;
        this.genericWords = genericWords;
        this.firstNames = firstNames;
        this.places = places;
        this.verbs = verbs;
        this.software = software;
    }

    static Lexicon english() {
        return new Lexicon(load("stopwords.txt"), load("generic-words.txt"), load("first-names.txt"), load("places.txt"),
                load("verbs.txt"), load("software.txt"));
    }

    boolean isStopWord(String lower) {
        return stopWords.contains(lower);
    }

    boolean isGeneric(String lower) {
        return genericWords.contains(lower);
    }

    boolean isFirstName(String lower) {
        return firstNames.contains(lower);
    }

    boolean isPlace(String lower) {
        return places.contains(lower);
    }

    boolean isVerb(String lower) {
        return verbs.contains(lower);
    }

    boolean isSoftware(String lower) {
        return software.contains(lower);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the jar");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    for (String w : line.trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            words.add(w.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
