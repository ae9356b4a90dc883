package dev.openkb.convert;

/** Short documents get a full-text markdown source; long PDFs get per-page JSON and a tree index. */
public enum DocKind { SHORT, LONG_PDF }
