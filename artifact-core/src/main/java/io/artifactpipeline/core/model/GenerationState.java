package io.artifactpipeline.core.model;

import java.util.Collection;

/** Where a generation stands as a whole. */
public enum GenerationState {
    QUEUED("queued"), RUNNING("running"), SUCCEEDED("succeeded"), FAILED("failed"),
    PARTIALLY_FAILED("partially_failed");

    private final String wireName;

    GenerationState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** The final state once every item has finished. */
    public static GenerationState concluded(Collection<GenerationItem> items) {
        long failed = items.stream().filter(i -> i.status() == GenerationItem.Status.FAILED).count();
        if (failed == 0) {
            return SUCCEEDED;
        }
        return failed == items.size() ? FAILED : PARTIALLY_FAILED;
    }
}
