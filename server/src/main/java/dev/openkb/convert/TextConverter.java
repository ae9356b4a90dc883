package dev.openkb.convert;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/**
 * .txt → the text itself as the markdown source (what MarkItDown does), line endings made \n.
 * Streams in 8K-char chunks, so a 50 MB file, even one without any line break, never sits in memory.
 * Stateless.
 */
final class TextConverter implements DocumentConverter {
    /** Chunks between two cancellation checks (about 1 MB). */
    private static final int CHUNKS_PER_CHECK = 128;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        try (Reader in = TextInput.open(r.source()); Writer out = StagedFiles.openSourceMd(r)) {
            char[] buf = new char[8192];
            boolean lastWasCr = false;
            int chunks = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (++chunks % CHUNKS_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                lastWasCr = writeNormalized(out, buf, n, lastWasCr);
            }
        }
        return ShortDocs.result(r, null, List.of(), 0);
    }

    /** Writes buf[0..n) with \r\n and lone \r turned into \n; returns whether it ended on \r. */
    private static boolean writeNormalized(Writer out, char[] buf, int n, boolean lastWasCr) throws IOException {
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\n' && (i == 0 ? lastWasCr : buf[i - 1] == '\r')) {
                // the \r before it was already written as \n
                out.write(buf, start, i - start);
                start = i + 1;
            } else if (c == '\r') {
                out.write(buf, start, i - start);
                out.write('\n');
                start = i + 1;
            }
        }
        out.write(buf, start, n - start);
        return n > 0 && buf[n - 1] == '\r';
    }
}
