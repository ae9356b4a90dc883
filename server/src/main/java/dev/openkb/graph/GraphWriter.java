package dev.openkb.graph;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import dev.openkb.lint.WikiIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code visualize}: writes {@code output/visualize/graph.html} (OpenKB's place for it; {@code output/}
 * holds generated artifacts, not KB state) by atomic replace. A KB may arrive with {@code output/}
 * or {@code output/visualize/} as a symlink to anywhere: then nothing is written
 * ({@code PATH_OUTSIDE_KB}). Stateless.
 */
public final class GraphWriter {
    private GraphWriter() {
    }

    /** Where the graph goes. */
    public static Path target(KbLayout layout) {
        return layout.root().resolve("output").resolve("visualize").resolve("graph.html");
    }

    /** Builds the graph of {@code index} and writes it; returns the file and the graph. */
    public static WikiGraph write(KbLayout layout, AtomicFiles files, WikiIndex index) {
        WikiGraph graph = WikiGraph.of(index);
        Path target = target(layout);
        KbPathGuard guard = new KbPathGuard(layout.root());
        try {
            guard.requireReal(target, true); // output/ and visualize/ must be real folders; graph.html itself is replaced
            files.createDirectories(target.getParent());
            guard.requireReal(target, true);
            String name = layout.root().getFileName() == null ? "knowledge base" : layout.root().getFileName().toString();
            files.write(target, GraphHtml.render(graph, "OpenKB graph: " + name).getBytes(StandardCharsets.UTF_8));
            return graph;
        } catch (UnsafePathException e) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, e.path(), e.reason());
        } catch (IOException e) {
            throw KbException.fromIo(e);
        }
    }
}
