package dev.openkb.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes the CLI's few typographic characters ({@code →}, {@code …}, {@code —}) as ASCII for an
 * output charset that cannot encode them (LANG=C), where the encoder would print {@code ?}.
 * Everything else passes unchanged. Holds no state of its own beyond the wrapped writer.
 */
final class AsciiFallbackWriter extends FilterWriter {
    static final Map<Character, String> ASCII = Map.of('→', "->", '…', "...", '—', "--", '←', "<-", '–', "-");

    AsciiFallbackWriter(Writer out) {
        super(out);
    }

    /** {@code out} itself when the terminal encodes every character this writer would replace. */
    static Writer forTerminal(Writer out, Terminal terminal) {
        return ASCII.keySet().stream().allMatch(c -> terminal.canEncode(String.valueOf(c))) ? out : new AsciiFallbackWriter(out);
    }

    @Override
    public void write(int c) throws IOException {
        String a = ASCII.get((char) c);
        if (a == null) {
            out.write(c);
        } else {
            out.write(a);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        StringBuilder b = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            String a = ASCII.get(c);
            if (a == null) {
                b.append(c);
            } else {
                b.append(a);
            }
        }
        out.write(b.toString());
    }
}
