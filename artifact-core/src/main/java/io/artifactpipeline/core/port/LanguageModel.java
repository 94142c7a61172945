package io.artifactpipeline.core.port;

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
}
