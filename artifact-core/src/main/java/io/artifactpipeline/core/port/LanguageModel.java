package io.artifactpipeline.core.port;

import java.util.OptionalLong;

/**
 * The model that writes artifacts: one call per artifact. Implementations are adapters (offline,
 * Anthropic, OpenAI-compatible); retries of transient faults belong inside them, not in the caller.
 */
@FunctionalInterface
public interface LanguageModel {

    /**
     * Writes the content of one artifact.
     *
     * @throws ModelFailure when the provider could not produce content; the artifact fails with its reason
     */
    ModelReply write(ModelRequest request);

    /**
     * Writes the content of one artifact, reporting each top-level section to {@code drafts} as soon as
     * it is complete. Models that do not stream report nothing.
     */
    default ModelReply write(ModelRequest request, SectionDrafts drafts) {
        return write(request);
    }

    /**
     * The most one call for this request can cost (the prompt's size plus the output limit), reserved
     * against the day's budget before the call; empty when the model cannot tell, and a configured
     * estimate is reserved instead.
     */
    default OptionalLong worstCaseTokens(ModelRequest request) {
        return OptionalLong.empty();
    }
}
