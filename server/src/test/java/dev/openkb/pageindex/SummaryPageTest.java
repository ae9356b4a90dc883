package dev.openkb.pageindex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryPageTest {
    @Test
    void rendersTheTreeLikeOpenKbsTreeRenderer() {
        TreeNode child = new TreeNode("0001", "Chapter 1", 1, 5, "Child summary.", List.of());
        TreeNode deep = new TreeNode("0003", "Deep", 6, 6, "", List.of());
        TreeNode part = new TreeNode("0000", "Part \"One\"", 1, 10, "Part summary.",
                List.of(child, new TreeNode("0002", "Chapter 2", 6, 10, "Second.", List.of(deep))));
        DocTree tree = new DocTree("Book", "A book about \"things\"\nand more.", 10, List.of(part));

        String page = SummaryPage.render("my-book", tree, Map.of(2, List.of("sources/images/my-book/p2_img1.png")));

        assertEquals("""
                ---
                type: "Summary"
                description: "A book about \\"things\\"\\nand more."
                doc_type: pageindex
                full_text: "sources/my-book.json"
                ---

                # Part "One" (pages 1–10)

                ![image](sources/images/my-book/p2_img1.png)

                Summary: Part summary.

                ## Chapter 1 (pages 1–5)

                Summary: Child summary.

                ## Chapter 2 (pages 6–10)

                Summary: Second.

                ### Deep (pages 6–6)
                """, page);
    }

    @Test
    void quotesValuesAsPythonJsonDumpsDoes() {
        assertEquals("\"tab\\there \\u0001 ünï \\\\ /\"", SummaryPage.jsonQuote("tab\there \u0001 ünï \\ /"));
    }
}
