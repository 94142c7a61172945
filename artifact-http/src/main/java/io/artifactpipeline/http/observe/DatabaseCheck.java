package io.artifactpipeline.http.observe;

/**
 * Whether the database answers, supplied by whoever owns the database (the app wires the persistence
 * adapter's check in), so this module needs no persistence of its own.
 */
@FunctionalInterface
public interface DatabaseCheck {
    /** A check with nothing to check: always up. For embedded use without a database. */
    DatabaseCheck NONE = () -> true;

    /**
     * @return true when the database answered
     * @throws Exception when asking failed; counts as down
     */
    boolean isAvailable() throws Exception;
}
