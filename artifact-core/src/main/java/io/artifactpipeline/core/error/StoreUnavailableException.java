package io.artifactpipeline.core.error;

/** The store could not be reached or failed; nothing was changed. */
public final class StoreUnavailableException extends DomainException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
