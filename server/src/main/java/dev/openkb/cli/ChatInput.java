package dev.openkb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;

/**
 * Where {@code openkb chat} reads its lines. On a terminal: JLine (line editing, history of this session,
 * Ctrl-C on an empty prompt ends the chat, Ctrl-D too). From a pipe or a file: plain UTF-8 lines, no prompt, so
 * {@code echo question | openkb chat} prints only the answer. Owned by the chat's one thread.
 */
interface ChatInput extends AutoCloseable {
    /** The next line, or null at the end of input. */
    String readLine(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    /** Lines of a pipe or file. */
    static ChatInput plain(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new ChatInput() {
            @Override
            public String readLine(String prompt) throws IOException {
                return reader.readLine();
            }

            @Override
            public void close() {
                // stdin belongs to the process
            }
        };
    }

    /**
     * JLine on the process's terminal (stdin and stdout are both a terminal). A Ctrl-C that comes while no line
     * is being read (an answer is being written) runs {@code onInterrupt}.
     */
    static ChatInput terminal(Runnable onInterrupt) throws IOException {
        org.jline.terminal.Terminal t = TerminalBuilder.builder().system(true)
                .signalHandler(signal -> {
                    if (signal == org.jline.terminal.Terminal.Signal.INT) {
                        onInterrupt.run();
                    }
                }).build();
        LineReader reader = LineReaderBuilder.builder().terminal(t).appName("openkb chat").build();
        return new ChatInput() {
            @Override
            public String readLine(String prompt) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException | EndOfFileException e) {
                    return null; // Ctrl-C or Ctrl-D at the prompt: the chat ends, as OpenKB's does
                }
            }

            @Override
            public void close() throws IOException {
                t.close();
            }
        };
    }
}
