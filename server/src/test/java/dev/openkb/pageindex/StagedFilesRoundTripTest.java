package dev.openkb.pageindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void treeAndDigestRoundTripThroughTheStagingFolder() throws IOException {
        TreeNode leaf = new TreeNode("0001", "Ünïcödé “quoted” 日本", 2, 3, "A summary.", List.of());
        DocTree tree = new DocTree("Title", "Description.", 3,
                List.of(new TreeNode("0000", "Root", 1, 3, "", List.of(leaf))));
        String sha = "ab".repeat(32);

        StagedTree.write(tmp, tree, sha);

        assertEquals(tree, StagedTree.readTree(tmp));
        assertEquals(sha, StagedTree.readRawSha256(tmp));
        assertEquals(tmp.resolve("pageindex/tree.json"), StagedTree.treeFile(tmp));
    }

    @Test
    void digestFileMustHoldAHexSha256() throws IOException {
        Files.createDirectories(StagedTree.dir(tmp));
        Files.writeString(StagedTree.rawSha256File(tmp), "not a digest");
        assertThrows(IOException.class, () -> StagedTree.readRawSha256(tmp));
    }

    @Test
    void pagesWrittenAreReadBackAndAnEmptyDocumentIsAnEmptyArray() throws IOException {
        Path file = tmp.resolve("doc.json");
        try (PagesJsonWriter w = new PagesJsonWriter(file)) {
            w.page(1, "Text with \"quotes\" and ünïcödé.", List.of());
            w.page(2, "  ", List.of());
            w.page(3, "", List.of("sources/images/doc/p3_img1.png"));
        }
        assertEquals(List.of(new PageEntry(1, "Text with \"quotes\" and ünïcödé.", List.of()),
                new PageEntry(3, "", List.of("sources/images/doc/p3_img1.png"))), readAll(file));

        Path empty = tmp.resolve("empty.json");
        new PagesJsonWriter(empty).close();
        assertEquals("[]", Files.readString(empty));
    }

    @Test
    void readerAcceptsPageIndexShapesAndSkipsEmptyPages() throws IOException {
        Path file = Files.writeString(tmp.resolve("pi.json"), """
                [{"page_number": "4", "markdown": "From PageIndex.", "extra": {"x": [1, 2]}},
                 {"page_num": 5, "text": "", "images": []},
                 {"page": 6, "content": "", "images": ["sources/images/d/a.png", {"path": "sources/images/d/b.png"}]}]
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(new PageEntry(4, "From PageIndex.", List.of()),
                new PageEntry(6, "", List.of("sources/images/d/a.png", "sources/images/d/b.png"))), readAll(file));
    }

    @Test
    void readerRejectsAFileThatIsNotAnArrayOfPages() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.json"), "{\"page\": 1}");
        assertThrows(IOException.class, () -> readAll(file));
    }

    private static List<PageEntry> readAll(Path file) throws IOException {
        List<PageEntry> out = new ArrayList<>();
        PagesJsonReader.read(file, out::add);
        return out;
    }
}
