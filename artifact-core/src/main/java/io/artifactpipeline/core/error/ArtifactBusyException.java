package io.artifactpipeline.core.error;

/** The artifact is being generated; a founder's edit would be overwritten, so it is refused. */
public final class ArtifactBusyException extends DomainException {
    public ArtifactBusyException() {
        super("the artifact is being generated; try again when it is done");
    }
}
