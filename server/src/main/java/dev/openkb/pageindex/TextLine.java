package dev.openkb.pageindex;

/**
 * One line of extracted PDF text with what heading detection needs to know about its type.
 *
 * @param text     the line, whitespace-trimmed
 * @param fontSize the character-weighted mean font size in points
 * @param bold     true when most characters use a bold font
 */
public record TextLine(String text, float fontSize, boolean bold) {
}
