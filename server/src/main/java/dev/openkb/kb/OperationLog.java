package dev.openkb.kb;

import dev.openkb.engine.VisibleText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code wiki/log.md}, OpenKB's operation log: {@code # Operations Log} then one
 * {@code ## [YYYY-MM-DD HH:MM:SS] op | description} entry per operation (local time). Unlike
 * OpenKB, which appends in place after the commit, the entry is written inside the mutation's
 * transaction, so a log line exists exactly when its operation committed. The description (a file
 * name, which may hold anything but {@code /} and NUL) has its control characters written as visible
 * escapes ({@link VisibleText}), so a name cannot break the entry's line or put terminal escapes into
 * a file people {@code cat}; OpenKB writes it raw, and its entry format is otherwise unchanged. The
 * registry and the files on disk keep the real name. Stateless.
 */
public final class OperationLog {
    public static final String HEADER = "# Operations Log\n\n";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OperationLog() {
    }

    public static String entry(LocalDateTime when, String operation, String description) {
        return "## [" + TS.format(when) + "] " + operation + " | " + description + "\n\n";
    }

    /** Appends one entry (creating the file with its header when missing) through {@code tx}. */
    public static void append(KbTransaction tx, KbLayout layout, LocalDateTime when, String operation,
                              String description) throws IOException {
        String current = Files.exists(layout.logMd()) ? Files.readString(layout.logMd(), StandardCharsets.UTF_8) : HEADER;
        tx.writeString(layout.logMd(), current + entry(when, operation, VisibleText.escape(description)));
    }
}
