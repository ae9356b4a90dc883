package dev.openkb.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * What a converter left in the staging folder. All paths are inside the request's staging folder and
 * mirror where they will be published in the KB (staging/raw/x.pdf → kb/raw/x.pdf).
 *
 * @param docName      the wiki name the files are named after
 * @param registryType the registry {@code type}: the source suffix without dot, case preserved
 *                     ("md", "PDF"), or "long_pdf" for long PDFs (reference 1.1)
 * @param kind         SHORT or LONG_PDF
 * @param stagedRaw    staging/raw/&lt;doc&gt;&lt;ext lower-cased&gt;, a copy of the source
 * @param stagedSource staging/wiki/sources/&lt;doc&gt;.md for short docs, staging/wiki/sources/&lt;doc&gt;.json
 *                     (per-page JSON, reference 1.6) for long PDFs
 * @param images       staged images under staging/wiki/sources/images/&lt;doc&gt;/, in document order
 * @param pageCount    pages for PDFs (and slides for pptx), 0 when the notion does not apply
 * @param title        a human title (first heading, PDF title metadata, or the file stem)
 */
public record ConvertedDoc(String docName, String registryType, DocKind kind, Path stagedRaw,
                           Path stagedSource, List<Path> images, int pageCount, String title) {
    public ConvertedDoc {
        images = List.copyOf(images);
    }
}
