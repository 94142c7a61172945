package io.artifactpipeline.core.cascade;

/**
 * A run stopped because its thread was interrupted (shutdown). Nothing further was written; the
 * generation's remaining artifacts are left for whoever claims it next.
 */
final class RunAbandonedException extends RuntimeException {
    RunAbandonedException() {
        super("generation run abandoned", null, false, false);
    }
}
