package dev.openkb.compile.llm;

/**
 * A model's answer.
 *
 * @param text      the answer text ("" when the model returned none)
 * @param truncated true when it stopped at the token limit ({@code finish_reason: length},
 *                  {@code stop_reason: max_tokens}): the text is incomplete
 */
record LlmReply(String text, boolean truncated) {
}
