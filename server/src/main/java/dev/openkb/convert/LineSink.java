package dev.openkb.convert;

import java.io.IOException;

/** Somewhere whole markdown lines go: a staged file being written, or an in-memory page. */
@FunctionalInterface
interface LineSink {
    void line(String markdown) throws IOException;
}
