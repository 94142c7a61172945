package io.artifactpipeline.persistence;

/**
 * The database cannot be used by this build: its schema was migrated by a newer release, or a migration
 * this build ships was changed after it was applied. Raised at start-up, before anything is read or written.
 */
public final class IncompatibleSchemaException extends IllegalStateException {
    IncompatibleSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
