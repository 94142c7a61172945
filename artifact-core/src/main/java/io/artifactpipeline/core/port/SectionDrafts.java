package io.artifactpipeline.core.port;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a streaming model reports each top-level section of the artifact as soon as the model has
 * finished writing it. Drafts are previews: they are not validated, not cut to the tier and never
 * stored; the caller decides what to show.
 */
@FunctionalInterface
public interface SectionDrafts {

    /** Called once per finished top-level section, in the order the model wrote them. */
    void completed(String section, JsonNode value);

    /** Drafts nobody is listening for. */
    static SectionDrafts ignored() {
        return (section, value) -> { };
    }
}
