package dev.openkb.intellij;

import com.intellij.codeInsight.intention.FileModifier;
import com.intellij.codeInsight.intention.IntentionAction;
import com.intellij.openapi.editor.Document;
import com.intellij.openapi.editor.Editor;
import com.intellij.openapi.fileEditor.FileDocumentManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiFile;
import dev.openkb.client.diagnostics.OffsetEdit;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.RangeEdit;
import dev.openkb.client.diagnostics.TextEdits;
import dev.openkb.client.report.Summary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One server quick fix in the Alt+Enter menu. The edits were fetched with the diagnostics, so invoking it does
 * no server round trip: it rewrites the documents in the write action the IDE opens for it. Files other than the
 * one being edited (a fix on a page may add a line to index.md) are saved at once, since the server reads files
 * that are not open from disk. Immutable.
 */
public final class QuickFixIntention implements IntentionAction {
    private final QuickFix fix;

    public QuickFixIntention(QuickFix fix) {
        this.fix = fix;
    }

    @Override
    public String getText() {
        return fix.title();
    }

    @Override
    public String getFamilyName() {
        return "OpenKB quick fix";
    }

    @Override
    public boolean isAvailable(Project project, Editor editor, PsiFile file) {
        return true;
    }

    @Override
    public boolean startInWriteAction() {
        return true;
    }

    /**
     * No preview: the fix may edit another file, which a preview of this file's copy must not touch. (Current
     * IDEs call this; the 2018.3 API lacks it, hence no {@code @Override}.)
     */
    public FileModifier getFileModifierForPreview(PsiFile target) {
        return null;
    }

    @Override
    public void invoke(Project project, Editor editor, PsiFile file) {
        VirtualFile current = file.getVirtualFile();
        Path currentPath = current == null ? null : Path.of(current.getPath()).toAbsolutePath().normalize();
        for (Map.Entry<Path, List<RangeEdit>> e : fix.edits().entrySet()) {
            boolean isCurrent = e.getKey().equals(currentPath);
            Document doc = isCurrent ? editor.getDocument() : documentOf(e.getKey());
            if (doc == null) {
                Notifier.getInstance().notify(project, new Summary(Summary.Level.ERROR, "OpenKB quick fix not applied",
                        "Cannot open " + e.getKey() + " to apply \"" + fix.title() + "\"."));
                return;
            }
            for (OffsetEdit edit : TextEdits.toOffsets(doc.getCharsSequence(), e.getValue())) {
                doc.replaceString(edit.start(), edit.end(), edit.newText());
            }
            if (!isCurrent) {
                FileDocumentManager.getInstance().saveDocument(doc);
            }
        }
    }

    private static Document documentOf(Path path) {
        VirtualFile vf = IdePaths.findFile(path, true);
        return vf == null ? null : FileDocumentManager.getInstance().getDocument(vf);
    }
}
