package dev.openkb.client.protocol;

/**
 * The {@code openkb/fileProgress} notification: one stage event of one file of an add.
 *
 * @param uri     the file
 * @param docName its name in the KB, once known
 * @param index   its position among the files of this add, from 1
 * @param total   how many files this add has
 * @param stage   queued, hashing, converting, prepared, committing or done
 * @param status  on "done": added, skipped, failed or cancelled
 * @param reason  why it was skipped or failed
 * @param percent the whole add's progress after this event, 0 to 100, never going backwards (the server's)
 * @param message the server's progress line, e.g. "3/10 converting report.pdf"
 * @param summary the server's summary of the files finished so far, e.g. "2 added, 1 skipped"
 */
public record FileProgress(String uri, String docName, int index, int total, String stage, String status,
        String reason, int percent, String message, String summary) {
}
