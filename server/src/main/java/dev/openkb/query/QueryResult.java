package dev.openkb.query;

import java.nio.file.Path;

/** A query's answer, and the exploration page it was saved as ({@code --save}), else null. */
public record QueryResult(QueryAnswer answer, Path saved) {
}
