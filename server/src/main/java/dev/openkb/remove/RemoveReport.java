package dev.openkb.remove;

/**
 * The outcome of a remove: the plan, whether it was carried out (false for a dry run), and how many
 * dangling wikilinks the scoped fix repaired in the pages it modified.
 */
public record RemoveReport(RemovePlan plan, boolean removed, int linksFixed) {
}
