package dev.openkb.lint;

/**
 * One top-level file of {@code raw/} and the document name whose wiki artifacts stand for it.
 *
 * @param name       the file name in raw/
 * @param docName    the registry's {@code doc_name} (or its name's stem) when registered, else the file stem
 * @param registered true when {@code hashes.json} has an entry whose path, raw_path or source_path is this file
 */
public record RawFile(String name, String docName, boolean registered) {
}
