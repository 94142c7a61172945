package io.artifactpipeline.core.cascade;

/**
 * A run stopped because its thread was interrupted (shutdown). Nothing further was written; the
 * generation's remaining artifacts are left for whoever claims it next.
 */
public final class RunAbandonedException extends RuntimeException {
    public RunAbandonedException() {
        super("generation run abandoned", null, false, false);
    }
}
