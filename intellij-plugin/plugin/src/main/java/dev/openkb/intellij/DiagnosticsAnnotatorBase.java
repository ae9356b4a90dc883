package dev.openkb.intellij;

import com.intellij.lang.annotation.ExternalAnnotator;
import com.intellij.openapi.editor.Editor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiFile;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.diagnostics.LineIndex;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.kb.KbPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lint diagnostics as editor highlights on wiki pages. {@code collectInformation} takes the buffer's text;
 * {@code doAnnotate}, on a background thread, sends that text to the server (so lint sees unsaved edits) and
 * turns the diagnostics the server last published for the file into highlights with their quick fixes. When the
 * server publishes again, the project service re-runs highlighting, which comes back here. Writing the
 * annotations ({@code apply}) is left to the subclass in the ide-only source folder, because the annotation
 * builder API is newer than the jars this class is compile-checked against. Stateless.
 */
public abstract class DiagnosticsAnnotatorBase extends ExternalAnnotator<DiagnosticsAnnotatorBase.Input, List<Highlight>> {
    /** How long one highlighting pass may wait for quick fixes from the server. */
    static final Duration FIX_TIMEOUT = Duration.ofSeconds(2);

    /** A wiki page's buffer as it was when highlighting started. */
    public record Input(Project project, Path file, String text) {
    }

    /** Batch inspection (no editor buffer): not offered; lint the KB instead. */
    @Override
    public Input collectInformation(PsiFile file) {
        return null;
    }

    @Override
    public Input collectInformation(PsiFile file, Editor editor, boolean hasErrors) {
        VirtualFile vf = file.getVirtualFile();
        if (vf == null || !vf.isInLocalFileSystem()) {
            return null;
        }
        Path path = Path.of(vf.getPath()).toAbsolutePath().normalize();
        if (!KbPaths.isWikiPage(path)) {
            return null;
        }
        return new Input(file.getProject(), path, editor.getDocument().getText());
    }

    @Override
    public List<Highlight> doAnnotate(Input input) {
        if (input == null || input.project().isDisposed()) {
            return List.of();
        }
        OpenKbProjectService service = OpenKbProjectService.getInstance(input.project());
        service.startIfNeverStarted();
        OpenKbClient client = service.client();
        client.syncDocument(input.file(), input.text());
        List<KbDiagnostic> diagnostics = client.diagnostics().forFile(input.file());
        return highlights(input.text(), diagnostics, service.quickFixes(diagnostics, FIX_TIMEOUT));
    }

    /** Diagnostics to highlights over {@code text}; an empty range grows to the rest of its line so it shows. */
    static List<Highlight> highlights(String text, List<KbDiagnostic> diagnostics, Map<KbDiagnostic, List<QuickFix>> fixes) {
        LineIndex index = LineIndex.of(text);
        List<Highlight> out = new ArrayList<>(diagnostics.size());
        for (KbDiagnostic d : diagnostics) {
            int[] span = index.highlight(d.range());
            String message = d.code() == null ? d.message() : d.message() + " (" + d.code() + ")";
            out.add(new Highlight(span[0], span[1], Highlight.severity(d.severity()), message,
                    fixes.getOrDefault(d, List.of())));
        }
        return out;
    }
}
