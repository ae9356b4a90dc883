package dev.openkb.wiki;

import java.util.Map;

/**
 * A page split by {@link Frontmatter#split}: {@code block + body} is the page text exactly.
 *
 * @param block         both {@code ---} delimiters and the line break ending the closing one
 * @param yaml          the text between the delimiters (after the opening line's break, up to the
 *                      break before the closing {@code ---})
 * @param body          everything after the block
 * @param yamlStartLine 0-based page line where {@link #yaml} starts (1 for a normal page)
 * @param endLine       0-based page line of the closing delimiter
 */
public record FrontmatterBlock(String block, String yaml, String body, int yamlStartLine, int endLine) {

    /** Parses {@link #yaml}; a thrown error's line is a page line. */
    public Map<String, Object> parse() throws FrontmatterException {
        try {
            return Frontmatter.parse(yaml);
        } catch (FrontmatterException e) {
            throw e.shifted(yamlStartLine);
        }
    }
}
