package io.artifactpipeline.llm.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.port.SectionDrafts;

import java.util.Objects;

/**
 * Passes drafts on until the listener fails once, then drops the rest: a preview that cannot be shown must not
 * cost the founder the artifact being written.
 */
public final class GuardedDrafts implements SectionDrafts {
    private static final System.Logger LOG = System.getLogger(GuardedDrafts.class.getName());

    private final SectionDrafts listener;
    private boolean failed;

    public GuardedDrafts(SectionDrafts listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void completed(String section, JsonNode value) {
        if (failed) {
            return;
        }
        try {
            listener.completed(section, value);
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "section drafts stopped: their listener failed", e);
        }
    }
}
