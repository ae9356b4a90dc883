package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.conversionFailure;
import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.png;
import static dev.openkb.convert.ConvertFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownConverterTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheMarkdownAndTakesTheFirstHeadingAsTitle() throws Exception {
        String md = "Intro line\n\n## Attention *is* all you need ##\n\n- a\n  - b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
        ConvertedDoc doc = convert(write(dir.resolve("paper.md"), md));
        assertEquals(md, markdown(doc));
        assertEquals("Attention *is* all you need", doc.title());
        assertEquals("md", doc.registryType());
    }

    @Test
    void takesASetextHeadingAsTitleAndIgnoresHeadingsInCode() throws Exception {
        String md = "```\n# not a title\n```\nReal title\n==========\n";
        assertEquals("Real title", convert(write(dir.resolve("s.md"), md)).title());
    }

    @Test
    void copiesRelativeImagesAndRelinksThemToTheSourcesFolder() throws Exception {
        byte[] pic = png(4, 0xFF0000);
        write(dir.resolve("docs/img/chart.png"), pic);
        Path md = write(dir.resolve("docs/guide.md"), "See ![the chart](img/chart.png \"Chart\") here.\n");
        ConvertedDoc doc = convert(md);
        assertEquals("See ![the chart](sources/images/guide/chart.png \"Chart\") here.\n", markdown(doc));
        Path staged = dir.resolve("docs/staging/wiki/sources/images/guide/chart.png");
        assertEquals(List.of(staged), doc.images());
        assertArrayEquals(pic, Files.readAllBytes(staged));
    }

    @Test
    void givesSameNamedImagesFromDifferentFoldersDistinctNames() throws Exception {
        byte[] red = png(4, 0xFF0000);
        byte[] blue = png(4, 0x0000FF);
        write(dir.resolve("a/fig.png"), red);
        write(dir.resolve("b/fig.png"), blue);
        Path md = write(dir.resolve("report.md"),
                "![r](a/fig.png)\n![b](b/fig.png)\n![r again](./a/fig.png)\n");
        ConvertedDoc doc = convert(md);
        assertEquals("![r](sources/images/report/fig.png)\n![b](sources/images/report/fig_1.png)\n"
                + "![r again](sources/images/report/fig.png)\n", markdown(doc));
        Path images = dir.resolve("staging/wiki/sources/images/report");
        assertEquals(List.of(images.resolve("fig.png"), images.resolve("fig_1.png")), doc.images());
        assertArrayEquals(red, Files.readAllBytes(images.resolve("fig.png")));
        assertArrayEquals(blue, Files.readAllBytes(images.resolve("fig_1.png")));
    }

    @Test
    void leavesRemoteMissingAndOutsideImagesAsWritten() throws Exception {
        write(dir.resolve("secret.png"), png(2, 0));
        String md = "![web](https://example.com/a.png)\n![gone](missing.png)\n![up](../secret.png)\n"
                + "![abs](" + dir.resolve("secret.png") + ")\n![dir](.)\n";
        Path source = write(dir.resolve("inner/page.md"), md);
        ConvertedDoc doc = convert(source);
        assertEquals(md, markdown(doc));
        assertEquals(List.of(), doc.images());
    }

    @Test
    void refusesToFollowASymlinkOutOfTheSourceFolder() throws Exception {
        write(dir.resolve("outside/secret.png"), png(2, 0));
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Files.createSymbolicLink(inner.resolve("link.png"), dir.resolve("outside/secret.png"));
        String md = "![s](link.png)\n";
        assertEquals(md, markdown(convert(write(inner.resolve("page.md"), md))));
    }

    @Test
    void decodesBase64DataImagesIntoNumberedFiles() throws Exception {
        byte[] pic = png(3, 0x00FF00);
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(pic);
        ConvertedDoc doc = convert(write(dir.resolve("inline.markdown"), "![dot](" + uri + ")\n![bad](data:image/png;base64,@@@)\n"));
        assertEquals("![dot](sources/images/inline/img_001.png)\n![bad](data:image/png;base64,@@@)\n", markdown(doc));
        assertArrayEquals(pic, Files.readAllBytes(doc.images().get(0)));
        assertEquals("markdown", doc.registryType());
    }

    @Test
    void copiesImagesWhoseNamesNeedEscaping() throws Exception {
        write(dir.resolve("my pic.png"), png(2, 0));
        ConvertedDoc doc = convert(write(dir.resolve("n.md"), "![x](<my pic.png>) ![y](my%20pic.png)\n"));
        assertEquals("![x](<sources/images/n/my pic.png>) ![y](<sources/images/n/my pic.png>)\n", markdown(doc));
    }

    @Test
    void leavesImageReferencesInsideFencedCodeAlone() throws Exception {
        write(dir.resolve("a.png"), png(2, 0));
        String md = "~~~md\n![example](a.png)\n~~~\n![real](a.png)\n";
        assertEquals("~~~md\n![example](a.png)\n~~~\n![real](sources/images/code/a.png)\n",
                markdown(convert(write(dir.resolve("code.md"), md))));
    }

    @Test
    void keepsUnicodeIntact() throws Exception {
        String md = "# 技术报告 😀\n\nמסמך بالعربية\n";
        ConvertedDoc doc = convert(write(dir.resolve("u.md"), md));
        assertEquals(md, markdown(doc));
        assertEquals("技术报告 😀", doc.title());
    }

    @Test
    void refusesBinaryAndInvalidUtf8Markdown() throws Exception {
        String binary = conversionFailure(write(dir.resolve("bin.md"), new byte[] {'#', ' ', 0, 1, 2}));
        assertTrue(binary.endsWith("md: binary content (NUL bytes in the first 8 KiB); not a text file"), binary);
        String latin = conversionFailure(write(dir.resolve("l.md"), "# R\u00e9sum\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(latin.endsWith("md: invalid UTF-8 at byte offset 3"), latin);
    }

    @Test
    void frontMatterIsMetadataItsTitleIsTheTitleAndItIsLeftOutOfTheText() throws Exception {
        String md = "---\ntitle: \"Attention: a survey\"\ntags: [nlp, survey]\nauthor: Ada\n---\n# Heading one\n\nBody text.\n";
        ConvertedDoc doc = convert(write(dir.resolve("survey.md"), md));
        assertEquals("Attention: a survey", doc.title());
        assertEquals("# Heading one\n\nBody text.\n", markdown(doc));
    }

    @Test
    void frontMatterWithoutATitleLeavesTheFirstHeadingAsTitle() throws Exception {
        ConvertedDoc doc = convert(write(dir.resolve("notes.md"), "---\ndate: 2024-01-02\n...\nIntro\n\n# Notes\n"));
        assertEquals("Notes", doc.title());
        assertEquals("Intro\n\n# Notes\n", markdown(doc));
    }

    @Test
    void aLeadingRuleThatIsNotYamlMetadataStaysText() throws Exception {
        String notYaml = "---\nJust a paragraph: with: colons [unclosed\n---\n# Real\n";
        assertEquals(notYaml, markdown(convert(write(dir.resolve("a.md"), notYaml))));
        String twoRules = "---\n---\nText\n";
        assertEquals(twoRules, markdown(convert(write(dir.resolve("b.md"), twoRules))));
        String unclosed = "---\ntitle: x\n\nno closing line\n";
        ConvertedDoc doc = convert(write(dir.resolve("c.md"), unclosed));
        assertEquals(unclosed, markdown(doc));
        assertEquals("c", doc.title());
    }

    @Test
    void angleBracketTextIsKeptAsWritten() throws Exception {
        String md = "# Generics\n\nA `List<String>` holds <T> values; a <b>bold</b> tag and a -> b <= c.\n";
        assertEquals(md, markdown(convert(write(dir.resolve("g.md"), md))));
    }
}
