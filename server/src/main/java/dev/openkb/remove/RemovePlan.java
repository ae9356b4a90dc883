package dev.openkb.remove;

import dev.openkb.kb.RegistryEntry;
import java.util.List;

/** What removing one document will do, computed without changing anything. */
public record RemovePlan(RegistryEntry entry, List<PlannedAction> actions) {
    public RemovePlan {
        actions = List.copyOf(actions);
    }

    public String docName() {
        return entry.docName();
    }

    /** OpenKB's plan listing: one {@code "  TAG      target"} line per action. */
    public List<String> lines() {
        return actions.stream().map(a -> String.format("  %-8s %s", a.kind().name(), a.path())).toList();
    }
}
