package dev.openkb.service;

import dev.openkb.journal.Quarantine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code openkb status}: the KB, its documents and pages, and pending recovery work.
 *
 * @param pages           markdown page counts per wiki folder (sources, summaries, concepts, entities, reports)
 * @param pendingJournals journal files waiting for recovery (0 on a clean KB)
 * @param lastOperation   the newest log.md entry line, or null
 * @param quarantined     journals recovery set aside in {@code .openkb/journal/quarantine/}, with why (until deleted)
 */
public record StatusReport(Path kb, int documents, int rawFiles, Map<String, Integer> pages, List<String> pendingJournals,
                           String model, String lastOperation, List<Quarantine.Entry> quarantined) {
    public StatusReport {
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        pendingJournals = List.copyOf(pendingJournals);
        quarantined = List.copyOf(quarantined);
    }
}
