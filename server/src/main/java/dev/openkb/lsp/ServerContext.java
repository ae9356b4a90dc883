package dev.openkb.lsp;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What request handlers share: the workspace, the outbox to the client, the running operations,
 * the timer thread and its debouncer, the options (fixed at initialize) and whether the client takes server-created
 * work-done progress. Immutable holder of thread-safe parts.
 */
record ServerContext(Workspace workspace, OpenDocuments docs, Outbox outbox, Operations operations,
        ScheduledExecutorService timer, Debouncer debouncer, Supplier<ServerOptions> options, BooleanSupplier clientCreatesProgress) {
}
