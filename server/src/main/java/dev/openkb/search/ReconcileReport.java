package dev.openkb.search;

/**
 * What bringing the index in step with the pages did.
 *
 * @param rebuilt       why the database was made from scratch (missing, damaged, another version,
 *                      planted as a link), or null when the existing one was kept
 * @param indexed       files (re)indexed because their content changed or was new
 * @param removed       files dropped because they are gone
 * @param unchanged     files whose recorded attributes or hash matched
 */
public record ReconcileReport(String rebuilt, int indexed, int removed, int unchanged) {
}
