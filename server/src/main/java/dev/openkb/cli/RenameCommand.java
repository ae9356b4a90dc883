package dev.openkb.cli;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.KbLayout;
import dev.openkb.rename.RenameReport;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rename", description = "Rename a concept, entity or exploration page and rewrite every link to it"
        + " (aliases and headings kept, index.md included), as one journaled transaction.")
final class RenameCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(index = "0", paramLabel = "PAGE",
            description = "The page: concepts/old, its name alone when no other page has it, or its file.")
    String page;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new name, in the same folder (new or concepts/new).")
    String newName;

    @Option(names = "--dry-run", description = "Show what would change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println("[WARN] " + w))) {
            KbLayout layout = kb.layout();
            RenameReport r = engine.kb(layout).renamePage(identifier(layout, page), newName, dryRun, CancelToken.none());
            out.println((dryRun ? "Would rename " : "Renamed ") + VisibleText.escape(r.from()) + " → "
                    + VisibleText.escape(r.to()) + ": " + r.links() + " link(s) in " + r.changedPages().size() + " page(s)"
                    + (dryRun ? "" : " rewritten"));
            r.changedPages().forEach(p -> out.println("  " + VisibleText.escape(p)));
            if (dryRun) {
                out.println("(dry-run — nothing modified)");
            }
            return Main.OK;
        }
    }

    /** A page named by its file (relative to the current folder, or absolute) goes by its path in the KB. */
    static String identifier(KbLayout layout, String page) {
        try {
            Path file = Path.of(page).toAbsolutePath().normalize();
            if (layout.contains(file) && Files.isRegularFile(file)) {
                return layout.relative(file);
            }
        } catch (InvalidPathException e) {
            // Not a path: a page key or name.
        }
        return page;
    }
}
