package io.artifactpipeline.core.error;

/** The object does not exist, or belongs to another user: the two are deliberately indistinguishable. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
