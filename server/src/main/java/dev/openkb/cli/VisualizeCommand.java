package dev.openkb.cli;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.VisibleText;
import dev.openkb.service.OpenKb;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb visualize}: writes {@code output/visualize/graph.html}, one self-contained page
 * (summary, concept and entity pages as nodes, wikilinks as edges, sized by backlinks, searchable),
 * and opens it in the default browser unless {@code --no-open}, as OpenKB does.
 */
@Command(name = "visualize", description = "Write the wiki's link graph to output/visualize/graph.html and open it in a browser.")
final class VisualizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Option(names = "--open", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Open the graph in the default browser (default: ${DEFAULT-VALUE}; --no-open only writes it).")
    boolean open;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path html;
        try (OpenKb engine = kb.engine(err, w -> err.println(w))) {
            html = engine.kb(kb.layout()).visualize(CancelToken.none());
        }
        out.println("Graph written to " + VisibleText.escape(html.toString()));
        if (open && !openInBrowser(html)) {
            out.println("Open it in a browser (no xdg-open or open was found to do it).");
        }
        return Main.OK;
    }

    /** Hands the file to the desktop's opener; false when there is none (a server, a container). */
    private static boolean openInBrowser(Path html) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> cmd = os.contains("mac") ? List.of("open", html.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", html.toString())
                : List.of("xdg-open", html.toString());
        try {
            new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(os.contains("win") ? "NUL" : "/dev/null"))).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
