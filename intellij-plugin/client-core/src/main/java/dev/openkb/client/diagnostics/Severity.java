package dev.openkb.client.diagnostics;

/** LSP's four diagnostic severities, without LSP4J types leaking into the IDE glue. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    /** LSP's numbers: 1 error … 4 hint; anything else (or none) reads as a warning, LSP's usual default. */
    public static Severity fromLsp(Integer value) {
        if (value == null) {
            return WARNING;
        }
        return switch (value) {
            case 1 -> ERROR;
            case 3 -> INFORMATION;
            case 4 -> HINT;
            default -> WARNING;
        };
    }

    public int toLsp() {
        return ordinal() + 1;
    }
}
