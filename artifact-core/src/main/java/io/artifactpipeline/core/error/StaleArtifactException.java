package io.artifactpipeline.core.error;

/** The artifact changed since the caller read it; applying the change would lose the other one. */
public final class StaleArtifactException extends DomainException {
    public StaleArtifactException() {
        super("the artifact has changed since it was read");
    }
}
