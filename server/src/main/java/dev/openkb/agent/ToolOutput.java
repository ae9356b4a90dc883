package dev.openkb.agent;

/**
 * What a tool gives back to the model: text, or an image (with a line of text about it).
 *
 * @param text        the text (for an image, what it is)
 * @param imageMime   the image's media type, or null for text
 * @param imageBase64 the image's bytes in base64, or null for text
 */
public record ToolOutput(String text, String imageMime, String imageBase64) {
    public static ToolOutput text(String text) {
        return new ToolOutput(text, null, null);
    }

    public static ToolOutput image(String about, String mime, String base64) {
        return new ToolOutput(about, mime, base64);
    }

    public boolean isImage() {
        return imageBase64 != null;
    }
}
