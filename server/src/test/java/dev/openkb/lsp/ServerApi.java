package dev.openkb.lsp;

import org.eclipse.lsp4j.services.LanguageServer;

/** The server as the test client calls it: standard LSP plus the {@code openkb/*} requests. */
interface ServerApi extends LanguageServer, OpenKbProtocol {
}
