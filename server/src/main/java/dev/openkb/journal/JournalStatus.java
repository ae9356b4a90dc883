package dev.openkb.journal;

import java.util.Locale;

/** Journal states: active until the durable commit mark; then committed, or rolled_back. */
public enum JournalStatus {
    ACTIVE, COMMITTED, ROLLED_BACK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a status as OpenKB writes it; a missing status counts as active (OpenKB's rule). */
    public static JournalStatus parse(Object s) {
        if (s == null) {
            return ACTIVE;
        }
        return switch (s.toString()) {
            case "committed" -> COMMITTED;
            case "rolled_back" -> ROLLED_BACK;
            case "active" -> ACTIVE;
            default -> throw new IllegalArgumentException("unknown journal status '" + s + "'");
        };
    }
}
