package dev.openkb.add;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a download is saved under, which becomes the document's name: the server's
 * Content-Disposition {@code filename*} or {@code filename}, else the URL path's last segment, else
 * the page title (HTML), else the host. All three are untrusted: only the last path segment is
 * kept, control characters and path separators are dropped, a leading dot is removed (no hidden
 * file) and the length is bounded; the extension is always the detected type's. Stateless.
 */
final class DownloadName {
    private static final Pattern FILENAME_STAR = Pattern.compile("(?i)filename\\*\\s*=\\s*([^';\\s]*)'[^']*'([^;\\s]+)");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))");
    private static final int MAX_STEM_CHARS = 120;

    private DownloadName() {
    }

    /** The stem (no extension) the server or the URL gives, or "" when neither names the file. */
    static String stem(String contentDisposition, URI url) {
        String named = fromDisposition(contentDisposition);
        if (named.isEmpty()) {
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            named = clean(decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8));
        }
        return stripExtension(named);
    }

    /** The full name: the stem (else the title, else the host) with the detected extension. */
    static String name(String stem, String title, URI url, String extension) {
        String s = stem;
        if (s.isEmpty() && title != null) {
            s = clean(title);
        }
        if (s.isEmpty()) {
            s = clean(url.getHost() == null ? "download" : url.getHost());
        }
        if (s.length() > MAX_STEM_CHARS) {
            s = s.substring(0, Character.isLowSurrogate(s.charAt(MAX_STEM_CHARS)) ? MAX_STEM_CHARS - 1 : MAX_STEM_CHARS).strip();
        }
        return (s.isEmpty() ? "download" : s) + extension;
    }

    private static String fromDisposition(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        Matcher star = FILENAME_STAR.matcher(header);
        if (star.find()) {
            Charset cs;
            try {
                cs = Charset.forName(star.group(1).isEmpty() ? "UTF-8" : star.group(1));
            } catch (IllegalArgumentException unknown) {
                cs = StandardCharsets.UTF_8;
            }
            String s = clean(decode(star.group(2), cs));
            if (!s.isEmpty()) {
                return s;
            }
        }
        Matcher plain = FILENAME.matcher(header);
        if (plain.find()) {
            String v = plain.group(1) != null ? plain.group(1).replaceAll("\\\\(.)", "$1") : plain.group(2);
            return clean(v);
        }
        return "";
    }

    private static String decode(String s, Charset cs) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), cs);
        } catch (IllegalArgumentException badEscape) {
            return s;
        }
    }

    /** The last segment of whatever path it names, without controls, separators or a leading dot. */
    static String clean(String s) {
        String last = s.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        last.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != ':' && Character.getType(cp) != Character.FORMAT)
                .forEach(sb::appendCodePoint);
        String out = sb.toString().replaceAll("\\s+", " ").strip();
        while (out.startsWith(".")) {
            out = out.substring(1);
        }
        return out.strip();
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name;
        }
        String ext = name.substring(dot).toLowerCase(Locale.ROOT);
        // Only a known document extension is replaced; "1706.03762" keeps its dot.
        return dev.openkb.convert.SupportedTypes.EXTENSIONS.contains(ext) || ext.equals(".htm") || ext.equals(".php")
                || ext.equals(".aspx") || ext.equals(".asp") || ext.equals(".jsp") ? name.substring(0, dot) : name;
    }
}
