package dev.openkb.agent;

import java.util.TreeSet;

/**
 * OpenKB's page specification for {@code get_page_content}: {@code "3-5,7,10-12"}. Tolerant as
 * OpenKB's parser is: malformed parts are skipped, pages below 1 dropped, the result sorted and
 * without duplicates. A range is capped at {@link #MAX_PAGES} pages so that "1-999999999" from a
 * model cannot exhaust memory. Stateless.
 */
final class PageSpec {
    static final int MAX_PAGES = 10_000;

    private PageSpec() {
    }

    static TreeSet<Integer> parse(String spec) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            try {
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    for (int n = Math.max(1, from); n <= to && out.size() < MAX_PAGES; n++) {
                        out.add(n);
                    }
                } else if (!p.isEmpty()) {
                    int n = Integer.parseInt(p);
                    if (n > 0) {
                        out.add(n);
                    }
                }
            } catch (NumberFormatException e) {
                // A typo in one part: skipped, as OpenKB does.
            }
        }
        return out;
    }
}
