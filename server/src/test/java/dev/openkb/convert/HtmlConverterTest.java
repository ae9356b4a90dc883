package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.conversionFailure;
import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.png;
import static dev.openkb.convert.ConvertFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlConverterTest {
    @TempDir
    Path dir;

    private String html(String name, String body) throws Exception {
        return markdown(convert(write(dir.resolve(name), "<!doctype html><html><head><title>T</title></head><body>"
                + body + "</body></html>")));
    }

    @Test
    void keepsOnlyTheMainElementWhenThereIsOne() throws Exception {
        String md = html("main.html", "<nav><a href='/'>Home</a></nav><header>Site</header>"
                + "<main><h1>Guide</h1><p>Body text.</p><aside>Ad</aside></main><footer>(c)</footer>");
        assertEquals("# Guide\n\nBody text.\n", md);
    }

    @Test
    void keepsEveryTopLevelArticleWithItsOwnHeader() throws Exception {
        String md = html("articles.htm", "<div class='sidebar'><nav>menu</nav></div>"
                + "<article><header><h2>First</h2></header><p>One</p></article>"
                + "<article><h2>Second</h2><p>Two</p><article><p>Nested</p></article></article>");
        assertEquals("## First\n\nOne\n\n## Second\n\nTwo\n\nNested\n", md);
    }

    @Test
    void fallsBackToRoleMainThenToTheBodyWithoutPageChrome() throws Exception {
        assertEquals("Content\n", html("role.html", "<div>Chrome</div><div role='main'><p>Content</p></div>"));
        String md = html("body.html", "<header><h1>Site name</h1></header><nav>Menu</nav><h1>Page</h1>"
                + "<p>Text</p><form><input value='q'>Search</form><script>var x = 1;</script>"
                + "<style>p{}</style><noscript>enable js</noscript><menu><li>m</li></menu><footer>Footer</footer>");
        assertEquals("# Page\n\nText\n", md);
    }

    @Test
    void writesNestedListsWithTheirNumbers() throws Exception {
        String md = html("lists.html", "<ul><li>Fruit<ul><li>Apple</li><li>Pear<ol start='3'><li>ripe</li>"
                + "<li>green</li></ol></li></ul></li><li><p>Veg</p></li></ul><p>After</p>");
        assertEquals("- Fruit\n  - Apple\n  - Pear\n    3. ripe\n    4. green\n- Veg\n\nAfter\n", md);
    }

    @Test
    void writesTablesAsPipeTablesWithEscapedPipes() throws Exception {
        String md = html("table.html", "<p>Before</p><table><thead><tr><th>Name</th><th>Expr</th></tr></thead>"
                + "<tbody><tr><td><b>a</b></td><td>x | y</td></tr><tr><td colspan='2'>wide<br>two lines</td></tr>"
                + "<tr><td>short</td></tr></tbody></table><p>After</p>");
        assertEquals("Before\n\n| Name | Expr |\n| --- | --- |\n| **a** | x \\| y |\n| wide<br>two lines | |\n"
                + "| short | |\n\nAfter\n", md);
    }

    @Test
    void flattensATableInsideACellIntoLines() throws Exception {
        String md = html("nested.html", "<table><tr><td>outer<table><tr><td>a|b</td><td>c</td></tr>"
                + "<tr><td>d</td></tr></table></td><td>next</td></tr></table>");
        assertEquals("| outer<br>a\\|b; c<br>d | next |\n| --- | --- |\n", md);
    }

    @Test
    void writesRepeatedEmphasisOnce() throws Exception {
        assertEquals("**a b** *c*\n", html("b.html", "<b>a <b>b</b></b> <i><em>c</em></i>"));
    }

    @Test
    void keepsLinksEmphasisAndCode() throws Exception {
        String md = html("inline.html", "<p>See <a href='https://example.com/a b'>the <em>docs</em></a>, "
                + "<strong> bold </strong>and <code>x = `y`</code>.<a href='#top'>top</a>"
                + "<a href='javascript:void(0)'>js</a><b></b></p><pre><code class='language-java'>if (a) {\n"
                + "    ```\n}</code></pre><blockquote><p>Quoted</p><p>twice</p></blockquote>");
        assertEquals("See [the *docs*](<https://example.com/a b>), **bold** and `` x = `y` ``.topjs\n\n"
                + "````java\nif (a) {\n    ```\n}\n````\n\n> Quoted\n>\n> twice\n", md);
    }

    @Test
    void decodesDataImagesCopiesLocalOnesAndKeepsRemoteLinks() throws Exception {
        byte[] dot = png(3, 0x123456);
        byte[] local = png(5, 0x654321);
        write(dir.resolve("pics/logo.png"), local);
        String md = html("images.html", "<p><img alt='dot' src='data:image/png;base64,"
                + Base64.getEncoder().encodeToString(dot) + "'> <img src='pics/logo.png' alt='logo'> "
                + "<img src='https://example.com/x.png' alt='remote'> <img src='data:image/png;base64,%%' alt='broken'></p>");
        assertEquals("![dot](sources/images/images/img_001.png) ![logo](sources/images/images/logo.png) "
                + "![remote](https://example.com/x.png) broken\n", md);
        Path images = dir.resolve("staging/wiki/sources/images/images");
        assertArrayEquals(dot, Files.readAllBytes(images.resolve("img_001.png")));
        assertArrayEquals(local, Files.readAllBytes(images.resolve("logo.png")));
    }

    @Test
    void takesTheFirstHeadingAsTitleElseThePageTitle() throws Exception {
        Path withHeading = write(dir.resolve("h.html"), "<title>Tab</title><main><h2>Real</h2></main>");
        assertEquals("Real", convert(withHeading).title());
        Path withoutHeading = write(dir.resolve("t.html"), "<title>Tab title</title><p>x</p>");
        assertEquals("Tab title", convert(withoutHeading).title());
    }

    @Test
    void keepsUnicodeAndHonoursTheDeclaredCharset() throws Exception {
        assertEquals("# 技术报告 😀\n\nשלום مرحبا\n", html("u.html", "<h1>技术报告 😀</h1><p>שלום مرحبا</p>"));
        Path latin1 = write(dir.resolve("latin.html"),
                "<meta charset='iso-8859-1'><p>caf\u00e9</p>".getBytes(Charset.forName("ISO-8859-1")));
        assertEquals("café\n", markdown(convert(latin1)));
    }

    @Test
    void survivesTenThousandLevelsOfNesting() throws Exception {
        int depth = 10_000;
        String divs = "<div>".repeat(depth) + "deep div" + "</div>".repeat(depth);
        String lists = "<ul><li>".repeat(depth) + "deep item" + "</li></ul>".repeat(depth);
        String bold = "<b><i>".repeat(depth) + "deep bold" + "</i></b>".repeat(depth);
        String quotes = "<blockquote>".repeat(depth) + "deep quote" + "</blockquote>".repeat(depth);
        String tables = "<table><tr><td>".repeat(depth) + "deep cell" + "</td></tr></table>".repeat(depth);
        String md = html("deep.html", divs + lists + bold + quotes + tables);
        for (String text : List.of("deep div", "deep item", "deep bold", "deep quote", "deep cell")) {
            assertTrue(md.contains(text), text);
        }
        int longestLine = md.lines().mapToInt(String::length).max().orElse(0);
        assertTrue(longestLine < 200_000, "lines stay bounded: " + longestLine);
    }

    @Test
    void capsListIndentationButKeepsEveryItem() throws Exception {
        String md = html("cap.html", "<ul><li>item".repeat(20) + "</li></ul>".repeat(20));
        List<String> lines = md.lines().toList();
        assertEquals(20, lines.size());
        int cap = MarkdownSink.MAX_NESTING;
        assertEquals("  ".repeat(cap - 1) + "- item", lines.get(cap - 1));
        for (String deeper : lines.subList(cap, 20)) {
            assertEquals("  ".repeat(cap) + "- item", deeper);
        }
    }

    @Test
    void refusesUndeclaredInvalidUtf8AndSaysWhere() throws Exception {
        String message = conversionFailure(write(dir.resolve("old.html"),
                "<p>caf\u00e9</p>".getBytes(Charset.forName("ISO-8859-1"))));
        assertTrue(message.endsWith("html: invalid UTF-8 at byte offset 6"), message);
    }

    @Test
    void refusesABinaryFileRenamedHtml() throws Exception {
        String message = conversionFailure(write(dir.resolve("x.html"), new byte[] {'<', 'p', '>', 0, 0, 1}));
        assertTrue(message.contains("html: binary content"), message);
    }

    /** The shape of a GNU Texinfo manual page (as in /usr/share/doc/libffi8/html/Structures.html). */
    @Test
    void dropsTexinfoNavigationAtTheEdgesAndPermalinkMarks() throws Exception {
        String md = html("Structures.html", "<div class='subsection' id='Structures'><div class='header'><p>"
                + "Next: <a href='Size.html' rel='next'>Size and Alignment</a>, Previous: <a href='Prim.html'>Primitive "
                + "Types</a>, Up: <a href='Types.html'>Types</a> &nbsp; [<a href='Index.html'>Index</a>]</p></div><hr>"
                + "<h4 class='subsection'>2.3.2 Structures</h4>"
                + "<p><code>libffi</code> is happy passing structures; see <a href='Types.html'>Types</a>.</p>"
                + "<dl><dt>Data type: <strong>ffi_type</strong><a class='copiable-anchor' href='#index-ffi_type'> &para;</a>"
                + "</dt><dd><p>The members.</p></dd></dl>"
                + "<ul class='section-toc'><li><a href='A.html'>Alpha</a></li><li><a href='B.html'>Beta</a></li></ul>"
                + "<hr><div class='header'><p>Next: <a href='Size.html'>Size and Alignment</a>, Up: "
                + "<a href='Types.html'>Types</a></p></div></div>");
        assertEquals("#### 2.3.2 Structures\n\n`libffi` is happy passing structures; see [Types](Types.html).\n\n"
                + "Data type: **ffi_type**\n\nThe members.\n", md);
    }

    @Test
    void dropsSphinxHeaderLinksButKeepsLinkListsInsideTheText() throws Exception {
        String md = html("policy.html", "<div role='main'><section><h1>Abstract<a class='headerlink' href='#abstract'>¶</a>"
                + "</h1><p>Packaging of Python.</p><p>Related:</p><ul><li><a href='a.html'>Policy A</a></li>"
                + "<li><a href='b.html'>Policy B</a></li></ul><p>Closing words.</p></section>"
                + "<p><a href='#top'>Back to top</a></p></div>");
        assertEquals("# Abstract\n\nPackaging of Python.\n\nRelated:\n\n- [Policy A](a.html)\n- [Policy B](b.html)\n\n"
                + "Closing words.\n", md);
    }

    @Test
    void aPageOfNothingButLinksIsKeptWhole() throws Exception {
        String md = html("Index.html", "<ul><li><a href='a.html'>Alpha</a></li><li><a href='b.html'>Beta</a></li></ul>");
        assertEquals("- [Alpha](a.html)\n- [Beta](b.html)\n", md);
    }
}
