package dev.openkb.rename;

import java.util.List;

/**
 * What a rename did (or, on a dry run, would do).
 *
 * @param from         the old page key, {@code concepts/old}
 * @param to           the new page key, {@code concepts/new}
 * @param changedPages KB-relative paths of the pages whose links were rewritten (the renamed page under its new path)
 * @param links        how many links were rewritten
 * @param renamed      false for a dry run
 */
public record RenameReport(String from, String to, List<String> changedPages, int links, boolean renamed) {
}
