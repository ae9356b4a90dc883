package dev.openkb.client.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressFormatTest {
    @Test
    void fileNamesAreDecodedFromUris() {
        assertEquals("My Notes.pdf", ProgressFormat.fileName("file:///home/u/My%20Notes.pdf"));
        assertEquals("folder", ProgressFormat.fileName("file:///home/u/folder/"));
        assertEquals("?", ProgressFormat.fileName(null));
        assertEquals("odd name.txt", ProgressFormat.fileName("file:///x/odd name.txt"));
    }
}
