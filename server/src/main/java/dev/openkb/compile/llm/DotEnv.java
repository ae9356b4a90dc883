package dev.openkb.compile.llm;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as python-dotenv reads the simple cases: {@code KEY=value} lines, optional
 * {@code export }, single or double quotes around the value, {@code #} comments and blank lines.
 * Stateless.
 */
final class DotEnv {
    private DotEnv() {
    }

    /**
     * The KB's {@code .env}; empty when it does not exist. A KB is untrusted input: a {@code .env}
     * that is a link to a file outside the KB (say, the user's own secrets) is refused, not read.
     */
    static Map<String, String> readInside(KbLayout layout) throws IOException {
        Path file = layout.envFile();
        if (Files.isSymbolicLink(file) && Files.exists(file)
                && !file.toRealPath().startsWith(layout.root().toRealPath())) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, file, "the KB's .env links to a file outside the KB,"
                    + " which a KB may not read; replace the link with a file, or set LLM_API_KEY in the environment");
        }
        return read(file);
    }

    /** The file's variables; empty when it does not exist. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String raw : Files.readString(file, StandardCharsets.UTF_8).split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                value = hash >= 0 ? value.substring(0, hash).strip() : value;
            }
            out.put(key, value);
        }
        return out;
    }
}
