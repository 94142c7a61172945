package io.artifactpipeline.llm.prompt;

import io.artifactpipeline.core.port.ModelFailure;

import java.util.OptionalInt;

/**
 * The output limit one call may ask for. Without a known context window it is the configured maximum. With one
 * (ARTIFACT_LLM_CONTEXT_TOKENS), the prompt and the answer must fit in it together: local servers refuse a
 * request whose prompt plus output limit exceeds their context (vLLM), or silently cut the prompt (Ollama).
 *
 * <p>The prompt's size is an estimate, not a tokenizer's count: four characters a token over the whole request
 * body, which also counts JSON punctuation, keys and the schema, so it errs high for English text. One
 * sixteenth of the window is kept back as well, for tokenizers that split the text finer than that.
 */
public final class OutputLimit {
    /** Less room than this cannot hold a document; the call is refused instead of coming back truncated. */
    static final int MIN_ANSWER_TOKENS = 1024;

    private OutputLimit() {
    }

    /** Four characters a token. */
    public static long estimateTokens(String text) {
        return (text.length() + 3L) / 4;
    }

    /**
     * @param what the document, for the message ("mvp_scope")
     * @throws ModelFailure {@code INVALID_REQUEST}, before anything is sent, when the prompt leaves too little room
     */
    public static int fit(int maxOutputTokens, OptionalInt contextTokens, long promptTokens, String what) {
        if (contextTokens.isEmpty()) {
            return maxOutputTokens;
        }
        int context = contextTokens.getAsInt();
        long available = context - context / 16L - promptTokens;
        int needed = Math.min(maxOutputTokens, MIN_ANSWER_TOKENS);
        if (available < needed) {
            throw new ModelFailure(ModelFailure.Reason.INVALID_REQUEST, String.format(
                    "the prompt for the %s (about %,d tokens, estimated at four characters a token) leaves less than "
                            + "%,d tokens for the answer in the model's context window of %,d tokens "
                            + "(ARTIFACT_LLM_CONTEXT_TOKENS); give the model a longer context (Ollama: "
                            + "OLLAMA_CONTEXT_LENGTH, vLLM: --max-model-len) and raise the setting to match",
                    what, promptTokens, needed, context));
        }
        return (int) Math.min(maxOutputTokens, available);
    }
}
