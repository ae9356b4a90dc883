package dev.openkb.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines (split at {@code \n}) one text has more of than another, both ways, counted as a
 * multiset: no alignment, because the index check asks only which lines went and which came (a
 * substring within one line is found in a text exactly when some line holds it). Immutable.
 *
 * @param removed lines of the old text not matched by a line of the new one
 * @param added   lines of the new text not matched by a line of the old one
 */
record LineChanges(List<String> removed, List<String> added) {
    LineChanges {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    static LineChanges between(String before, String after) {
        Map<String, Integer> balance = new HashMap<>();
        forEachLine(before, line -> balance.merge(line, 1, Integer::sum));
        forEachLine(after, line -> balance.merge(line, -1, Integer::sum));
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        balance.forEach((line, n) -> {
            for (int i = 0; i < n; i++) {
                removed.add(line);
            }
            for (int i = 0; i > n; i--) {
                added.add(line);
            }
        });
        return new LineChanges(removed, added);
    }

    private static void forEachLine(String text, java.util.function.Consumer<String> sink) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            sink.accept(text.substring(start, nl));
            start = nl + 1;
        }
        sink.accept(text.substring(start));
    }
}
