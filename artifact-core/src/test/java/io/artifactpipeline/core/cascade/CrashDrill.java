package io.artifactpipeline.core.cascade;

/**
 * A test fixture that stops a worker pool the way a crashed server stops: at once, handing nothing
 * back, so its generations stay claimed until their leases expire. Lives beside the pool to reach what
 * production code must not.
 */
public final class CrashDrill {
    private CrashDrill() {
    }

    public static void halt(GenerationWorkerPool pool) {
        pool.halt();
    }
}
