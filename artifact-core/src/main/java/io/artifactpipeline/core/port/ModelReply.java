package io.artifactpipeline.core.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.TokenUsage;

import java.util.Objects;

/** What the model wrote (not yet validated) and what it cost. */
public record ModelReply(ObjectNode content, TokenUsage usage) {
    public ModelReply {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(usage, "usage");
    }
}
