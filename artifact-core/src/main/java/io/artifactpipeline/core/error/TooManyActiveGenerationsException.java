package io.artifactpipeline.core.error;

/**
 * The user already has as many generations queued or running as one user may, across all servers: a
 * new one must wait until one of them ends.
 */
public final class TooManyActiveGenerationsException extends DomainException {
    private final int limit;

    public TooManyActiveGenerationsException(int limit) {
        super("you already have " + limit + " generations queued or running; start another when one ends");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
