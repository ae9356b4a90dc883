package dev.openkb.wiki;

/**
 * A frontmatter value written verbatim, not JSON-quoted: OpenKB writes {@code doc_type: short} bare.
 * The caller guarantees {@code text} is one line of valid YAML.
 */
public record RawYaml(String text) {
}
