package dev.openkb.client.diagnostics;

import com.google.gson.JsonElement;
import dev.openkb.client.protocol.Results.Range;
import java.nio.file.Path;

/**
 * One diagnostic the server published for a file: a lint finding.
 *
 * @param file     the file it is on
 * @param code     the lint code ("broken-link"…), or null when the server sent none
 * @param severity how loud it is
 * @param range    where, in LSP positions (zero-based lines, UTF-16 characters)
 * @param message  for humans
 * @param source   who produced it ("openkb")
 * @param data     what a quick fix needs, kept exactly as published so it can be sent back in a code-action
 *                 request; null when absent
 */
public record KbDiagnostic(Path file, String code, Severity severity, Range range, String message, String source,
        JsonElement data) {
}
