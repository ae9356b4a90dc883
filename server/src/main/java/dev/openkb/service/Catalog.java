package dev.openkb.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code openkb list}: the registered documents and how many pages of each kind the wiki holds.
 *
 * @param documents in registry order
 * @param pages     markdown page count per wiki folder: summaries, concepts, entities, explorations, reports
 */
public record Catalog(List<Document> documents, Map<String, Integer> pages) {
    public Catalog {
        documents = List.copyOf(documents);
        pages = Collections.unmodifiableMap(new LinkedHashMap<>(pages));
    }

    /**
     * One registered document.
     *
     * @param name    the file name as added
     * @param docName the wiki name (summaries/&lt;docName&gt;.md)
     * @param type    the registry type as stored ({@code md}, {@code PDF}, {@code long_pdf}…)
     * @param docType OpenKB's display type: {@code short}, {@code pageindex}, else the type itself
     * @param pages   the registry's page count, or null (OpenKB never writes one)
     * @param added   when its latest {@code ingest} entry in log.md was written ("2026-07-02 18:21:29"), or null
     */
    public record Document(String name, String docName, String type, String docType, Integer pages, String added) {
    }
}
