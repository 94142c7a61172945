package io.artifactpipeline.core.error;

/**
 * Everything a use case can refuse with. Closed, so that each adapter maps every case once at its edge
 * (the HTTP layer to status codes) and the compiler notices a new one.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, GenerationConflictException, ArtifactBusyException, StaleArtifactException,
        InvalidInputException, BudgetExhaustedException, StoreUnavailableException, LeaseLostException,
        TooManyActiveGenerationsException, NotWrittenException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
