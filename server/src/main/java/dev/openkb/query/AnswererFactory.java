package dev.openkb.query;

import dev.openkb.kb.KbLayout;

/** Chooses the answerer for a KB (its config decides between offline and an LLM). */
@FunctionalInterface
public interface AnswererFactory {
    /** Offline answers only: retrieved passages. */
    AnswererFactory OFFLINE = layout -> new OfflineAnswerer();

    Answerer create(KbLayout layout);
}
