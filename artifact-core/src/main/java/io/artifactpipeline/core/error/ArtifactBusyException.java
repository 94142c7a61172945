package io.artifactpipeline.core.error;

/**
 * The artifact is busy: it is being generated (a founder's edit would be overwritten), or it changed
 * while a generation was being started (the generation would overwrite a change it never saw).
 */
public final class ArtifactBusyException extends DomainException {
    public ArtifactBusyException() {
        super("the artifact is being generated; try again when it is done");
    }

    public ArtifactBusyException(String message) {
        super(message);
    }
}
