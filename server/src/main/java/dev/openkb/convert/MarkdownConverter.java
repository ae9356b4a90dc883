package dev.openkb.convert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * .md and .markdown → the same markdown, streamed line by line, with its images brought into the
 * KB: a relative {@code ![alt](path)} that exists inside the source's folder is copied to the
 * images folder and relinked to sources/images/&lt;doc&gt;/&lt;file&gt; (OpenKB's .md rule, #160
 * names); a base64 {@code data:image/...} is decoded to img_NNN.&lt;ext&gt; (OpenKB's rule for
 * MarkItDown output). OpenKB sends .markdown through MarkItDown, which leaves relative images
 * pointing nowhere in the wiki; here both suffixes get both rules. References inside fenced code
 * blocks are left alone: they are examples, not images. Leading YAML front matter is metadata, not
 * text ({@link MarkdownFrontMatter}): it is left out of the source and its {@code title} is the
 * title; otherwise the first heading is. Everything else, angle-bracket text included, is copied
 * as written. Stateless.
 */
final class MarkdownConverter implements DocumentConverter {
    private static final Pattern IMAGE = Pattern.compile(
            "!\\[([^\\]]*)\\]\\(\\s*(<[^>]*>|[^\\s)]+)((?:\\s+(?:\"[^\"]*\"|'[^']*'))?)\\s*\\)");
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final int LINES_PER_CHECK = 4096;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        ImageStore images = new ImageStore(r);
        Path baseDir = r.source().toAbsolutePath().getParent();
        String title = null;
        String previous = "";
        String fence = null;
        long lineNo = 0;
        try (BufferedReader in = new BufferedReader(TextInput.open(r.source()));
             Writer out = StagedFiles.openSourceMd(r)) {
            MarkdownFrontMatter.Head head = MarkdownFrontMatter.read(in);
            title = head.title();
            for (String line : head.lines()) {
                out.write(line);
                out.write('\n');
            }
            for (String line; (line = in.readLine()) != null; ) {
                if (++lineNo % LINES_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                Matcher f = FENCE.matcher(line);
                if (fence != null) {
                    if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                            && line.substring(f.end()).isBlank()) {
                        fence = null;
                    }
                } else if (f.find()) {
                    fence = f.group(1);
                } else {
                    if (title == null) {
                        title = heading(previous, line);
                    }
                    line = relinkImages(line, baseDir, images);
                }
                out.write(line);
                out.write('\n');
                previous = fence == null ? line : "";
            }
        }
        return ShortDocs.result(r, title, images.images(), 0);
    }

    /** The heading this line completes (an ATX line, or the text above a setext underline), or null. */
    private static String heading(String previous, String line) {
        Matcher atx = ATX.matcher(line);
        if (atx.matches()) {
            return atx.group(1) == null || atx.group(1).isBlank() ? null : atx.group(1);
        }
        if (!previous.isBlank() && SETEXT.matcher(line).matches() && !ATX.matcher(previous).matches()) {
            return previous;
        }
        return null;
    }

    private static String relinkImages(String line, Path baseDir, ImageStore images) throws IOException {
        if (!line.contains("![")) {
            return line;
        }
        Matcher m = IMAGE.matcher(line);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String target = m.group(2);
            if (target.startsWith("<") && target.endsWith(">")) {
                target = target.substring(1, target.length() - 1);
            }
            Optional<String> link = target.regionMatches(true, 0, "data:", 0, 5)
                    ? images.saveDataUri(target)
                    : images.copyLocal(baseDir, target);
            if (link.isPresent()) {
                sb.append(line, last, m.start())
                        .append("![").append(m.group(1)).append("](").append(ImageStore.destination(link.get()))
                        .append(m.group(3)).append(')');
                last = m.end();
            }
        }
        return last == 0 ? line : sb.append(line, last, line.length()).toString();
    }
}
