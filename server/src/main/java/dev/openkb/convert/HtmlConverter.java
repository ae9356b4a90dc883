package dev.openkb.convert;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * .html/.htm → the page's main content as markdown. The content is the first {@code <main>}, else
 * the outermost {@code <article>}s, else {@code [role=main]}, else {@code <body>}; navigation,
 * sidebars, scripts, forms and menus are dropped, and page-level header/footer too when the whole
 * body is used (inside an article they hold its title and byline); then permalink marks and the
 * link-dense navigation blocks at the content's edges ({@link HtmlFurniture}). A page that declares its charset
 * in a meta tag is decoded with it (jsoup); any other page must be valid UTF-8, checked as strictly
 * as a .txt, so undeclared Latin-1 fails with the byte offset instead of becoming U+FFFD. Stateless.
 */
final class HtmlConverter implements DocumentConverter {
    private static final String NOISE = "script, style, noscript, template, nav, aside, form, menu, dialog, "
            + "iframe, object, embed, button, select, textarea, input, svg, canvas, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=menu], [role=menubar], [role=search], [role=complementary], [role=dialog]";
    private static final String PAGE_CHROME = "header, footer, [role=banner], [role=contentinfo]";
    /** A meta charset (or http-equiv content type) in the first 8 KiB: the page says its encoding. */
    private static final Pattern DECLARED_CHARSET = Pattern.compile("(?i)<meta[^>]*charset\\s*=");

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        byte[] head = TextInput.requireText(r.source());
        Document doc = DECLARED_CHARSET.matcher(new String(head, StandardCharsets.ISO_8859_1)).find()
                ? Jsoup.parse(r.source(), null)
                : parseStrictUtf8(r.source());
        r.cancel().throwIfCancelled();
        List<Element> roots = mainContent(doc);
        for (Element root : roots) {
            root.select(NOISE).remove();
            if (root == doc.body()) {
                root.select(PAGE_CHROME).remove();
            }
        }
        HtmlFurniture.strip(roots);
        ImageStore images = new ImageStore(r);
        try (Writer out = StagedFiles.openSourceMd(r)) {
            new HtmlMarkdown(images, r.source().toAbsolutePath().getParent(), r.cancel()).render(roots, out);
        }
        return ShortDocs.result(r, title(doc, roots), images.images(), 0);
    }

    /**
     * The file parsed as strict UTF-8, failing at the first invalid byte like a .txt would. jsoup
     * reads the file as a stream, so the page is never held as one string beside its tree.
     */
    private static Document parseStrictUtf8(Path source) throws IOException {
        try (Reader in = TextInput.open(source)) {
            return Parser.htmlParser().parseInput(in, "");
        } catch (UncheckedIOException e) {
            throw e.getCause(); // jsoup wraps the reader's failure (invalid UTF-8 at byte N)
        }
    }

    private static List<Element> mainContent(Document doc) {
        Element main = doc.selectFirst("main");
        if (main != null) {
            return List.of(main);
        }
        List<Element> articles = new ArrayList<>();
        for (Element a : doc.select("article")) {
            if (a.parents().stream().noneMatch(p -> p.nameIs("article"))) {
                articles.add(a);
            }
        }
        if (!articles.isEmpty()) {
            return articles;
        }
        Element roleMain = doc.selectFirst("[role=main]");
        return List.of(roleMain != null ? roleMain : doc.body());
    }

    /** The first heading of the content, else the page title, else (by the caller) the file stem. */
    private static String title(Document doc, List<Element> roots) {
        for (Element root : roots) {
            Element h = root.selectFirst("h1, h2, h3, h4, h5, h6");
            if (h != null && !h.text().isBlank()) {
                return h.text();
            }
        }
        return doc.title();
    }
}
