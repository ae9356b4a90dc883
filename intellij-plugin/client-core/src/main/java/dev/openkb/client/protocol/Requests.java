package dev.openkb.client.protocol;

import java.util.List;

/** Parameters of the {@code openkb/*} requests. A null component is left out of the JSON. */
public final class Requests {
    private Requests() {
    }

    /**
     * @param uris          files and folders to add ({@code file:} URIs)
     * @param kb            the KB root when it cannot be found from the files, else null
     * @param jobs          how many files to prepare at once, or null for the server's default
     * @param workDoneToken this client's token for the standard {@code $/progress} of this add
     */
    public record AddParams(List<String> uris, String kb, Integer jobs, String workDoneToken) {
    }

    /** Requests about a KB: {@code uri} is any file or folder inside it, or null for the workspace's KB. */
    public record UriParams(String uri) {
    }

    /**
     * Exactly one of {@code uri} (the document's summary or source page, its raw copy, or the original file) and
     * {@code docName} names the document; {@code dryRun} plans only; {@code keepRaw} keeps {@code raw/<file>};
     * {@code keepEmpty} keeps concept and entity pages left without sources. Null means the server's default
     * (false).
     */
    public record RemoveParams(String uri, String docName, Boolean dryRun, Boolean keepRaw, Boolean keepEmpty) {
    }

    /**
     * @param question           the question (the server refuses an empty or overlong one)
     * @param kb                 the KB root's URI, or null for the workspace's KB
     * @param save               true to also write {@code wiki/explorations/<slug>.md}; null is false
     * @param partialResultToken the token the answer streams on ({@code $/progress} partial results)
     */
    public record QueryParams(String question, String kb, Boolean save, String partialResultToken) {
    }
}
