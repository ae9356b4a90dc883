package dev.openkb.client.report;

/**
 * What a notification says about a finished request.
 *
 * @param level ERROR when something failed, WARNING when something needs attention, INFO otherwise
 */
public record Summary(Level level, String title, String body) {
    public enum Level { INFO, WARNING, ERROR }
}
