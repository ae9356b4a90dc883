package dev.openkb.search;

import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The search index of one KB in this process, opened on first use and kept for the process's
 * life. It is told about every committed transaction ({@link #committed}) and re-indexes the
 * pages it touched; if the index is not open yet it is opened for that only when
 * {@code search.db} already exists (a KB nobody queries gets no index from {@code add}). An index
 * update that fails never fails the commit: it is reported, and the next query's reconcile heals it.
 *
 * <p>Threading: thread-safe; {@code index} is guarded by this object's monitor. {@link #committed}
 * runs on the KB's mutation thread, holding the exclusive KB lock.
 */
public final class KbSearch implements AutoCloseable {
    private final KbLayout layout;
    private final Consumer<String> warnings;
    private SearchIndex index;

    public KbSearch(KbLayout layout, Consumer<String> warnings) {
        this.layout = layout;
        this.warnings = warnings;
    }

    /** The index, opened (built or reconciled) on first use and refreshed if the pages changed since. */
    public synchronized SearchIndex index() {
        if (index == null) {
            index = SearchIndex.open(layout);
        } else {
            index.refreshIfChanged();
        }
        return index;
    }

    /** After a commit: re-index the indexed files among {@code touched}. */
    public void committed(List<Path> touched) {
        try {
            SearchIndex i;
            synchronized (this) {
                if (index == null && Files.isRegularFile(layout.openkbDir().resolve(SearchIndex.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                    index = SearchIndex.open(layout);
                }
                i = index;
            }
            if (i != null) {
                i.update(touched);
            }
        } catch (KbException e) {
            warnings.accept("the search index was not updated after a change (the next query brings it up to date): "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
