package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MentionScannerTest {

    @Test
    void agreesWithStringContainsOnRandomTextsAndPatterns() {
        Random rnd = new Random(5);
        for (int round = 0; round < 200; round++) {
            String text = randomString(rnd, rnd.nextInt(300));
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(40); i++) {
                if (rnd.nextBoolean() && text.length() > 3) {
                    int from = rnd.nextInt(text.length() - 2);
                    patterns.add(text.substring(from, from + 1 + rnd.nextInt(Math.min(8, text.length() - from - 1))));
                } else {
                    patterns.add(randomString(rnd, rnd.nextInt(6)));
                }
            }
            boolean[] found = MentionScanner.present(text, patterns);
            for (int i = 0; i < patterns.size(); i++) {
                assertEquals(text.contains(patterns.get(i)), found[i], "'" + patterns.get(i) + "' in '" + text + "'");
            }
        }
    }

    @Test
    void findsOverlappingAndNestedPatterns() {
        boolean[] found = MentionScanner.present("- [[concepts/ushers]] — he said", List.of("he", "she", "hers", "his", "— h"));
        assertEquals(List.of(true, true, true, false, true), List.of(found[0], found[1], found[2], found[3], found[4]));
    }

    private static String randomString(Random rnd, int length) {
        String alphabet = "abc-é—";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
