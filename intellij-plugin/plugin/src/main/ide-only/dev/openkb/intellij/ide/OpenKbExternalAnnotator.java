package dev.openkb.intellij.ide;

import com.intellij.lang.annotation.AnnotationBuilder;
import com.intellij.lang.annotation.AnnotationHolder;
import com.intellij.openapi.util.TextRange;
import com.intellij.psi.PsiFile;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.intellij.DiagnosticsAnnotatorBase;
import dev.openkb.intellij.Highlight;
import dev.openkb.intellij.QuickFixIntention;
import java.util.List;

/**
 * Writes the highlights {@link DiagnosticsAnnotatorBase} worked out, with the annotation builder API of current
 * IDEs (hence in the ide-only folder). Stateless.
 */
public final class OpenKbExternalAnnotator extends DiagnosticsAnnotatorBase {
    @Override
    public void apply(PsiFile file, List<Highlight> highlights, AnnotationHolder holder) {
        int length = file.getTextLength();
        for (Highlight h : highlights) {
            AnnotationBuilder b = holder.newAnnotation(h.severity(), h.message())
                    .range(new TextRange(h.clampedStart(length), h.clampedEnd(length)));
            for (QuickFix fix : h.fixes()) {
                b = b.withFix(new QuickFixIntention(fix));
            }
            b.create();
        }
    }
}
