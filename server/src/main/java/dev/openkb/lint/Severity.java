package dev.openkb.lint;

import java.util.Locale;

/** How loud a finding is; mirrors the LSP's four levels without depending on LSP4J. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    /** Lower-case wire name ("warning"), as in the JSON report. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
