package dev.openkb.agent;

import java.util.List;

/** The search behind the query agent's {@code search(query)} tool (the KB's full-text index). */
@FunctionalInterface
public interface WikiSearch {
    /** At most {@code limit} hits, best first. */
    List<SearchHit> search(String query, int limit);
}
