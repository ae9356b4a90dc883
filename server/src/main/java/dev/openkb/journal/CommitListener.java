package dev.openkb.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * Told of every committed mutation: its operation name ({@code add}, {@code remove}, …) and the
 * paths it touched (written, published, deleted or created), in the order first touched. Called on
 * the mutation thread, still holding the KB's exclusive lock, after the commit is durable, so a
 * listener must do only bounded work: hand the paths on to its own thread (the language server's
 * snapshot), or update derived state from exactly those paths (the search index, a few milliseconds
 * per page, kept in step under the lock); what it throws is reported as a warning and never undoes
 * the commit.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(String operation, List<Path> touched);
}
