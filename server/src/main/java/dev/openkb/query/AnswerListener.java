package dev.openkb.query;

/**
 * Receives an answer's text as it is produced, in order; the chunks joined are the whole answer.
 * Called on the answering thread.
 */
@FunctionalInterface
public interface AnswerListener {
    AnswerListener NONE = chunk -> { };

    void chunk(String text);
}
