package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.error.StoreUnavailableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.HibernateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The one place where database failures become the core's errors, so that no SQL, JDBC or Hibernate
 * exception reaches a caller. Which constraint was violated says what happened; SQL states say the rest.
 */
final class StoreErrors {
    static final String ACTIVE_GENERATION_CONSTRAINT = "uq_generation_active_project";
    static final String OWNER_SLOT_CONSTRAINT = "uq_generation_owner_slot";
    private static final String ARTIFACT_TYPE_CONSTRAINT = "uq_artifact_project_type";
    private static final String REVISION_NUMBER_CONSTRAINT = "uq_revision_artifact_number";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION_PG = "23503";
    private static final String FOREIGN_KEY_VIOLATION_H2 = "23506";

    private StoreErrors() {
    }

    /**
     * The core's error for a failure inside a store operation; anything that is not a database failure
     * (a bug in this adapter, say) is returned unchanged so it is not disguised as an outage.
     */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException domain) {
            return domain;
        }
        if (failure instanceof OptimisticLockException || failure instanceof StaleStateException) {
            // another transaction changed the artifact between our read and our write
            return new StaleArtifactException();
        }
        if (failure instanceof ConstraintViolationException || UNIQUE_VIOLATION.equals(sqlState(failure))) {
            DomainException known = constraintViolation(failure);
            if (known != null) {
                return known;
            }
        }
        if (isDataException(failure)) {
            // The database refused a value (too long, out of range, a character it cannot store): the
            // request is at fault, and retrying it would fail the same way.
            return InvalidInputException.of("", "a value cannot be stored: it is too long, out of range or "
                    + "contains characters the database refuses");
        }
        if (failure instanceof PersistenceException || failure instanceof HibernateException
                || sqlException(failure) != null) {
            return new StoreUnavailableException(describe(failure), failure);
        }
        return failure;
    }

    /** Whether a concurrent start took the active-generation slot this one chose. */
    static boolean isOwnerSlotTaken(Throwable failure) {
        return failure instanceof RuntimeException runtime && UNIQUE_VIOLATION.equals(sqlState(failure))
                && constraintText(runtime).contains(OWNER_SLOT_CONSTRAINT);
    }

    /** SQL state class 22, "data exception". */
    private static boolean isDataException(Throwable failure) {
        String state = sqlState(failure);
        return state != null && state.startsWith("22");
    }

    /** Whether the failure is a unique-key violation (two writers inserted the same key at once). */
    static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    private static DomainException constraintViolation(RuntimeException failure) {
        String where = constraintText(failure);
        if (where.contains(ACTIVE_GENERATION_CONSTRAINT)) {
            // the caller knows the project and looks up which generation is in the way
            return new GenerationConflictException(null);
        }
        if (where.contains(ARTIFACT_TYPE_CONSTRAINT) || where.contains(REVISION_NUMBER_CONSTRAINT)) {
            // a concurrent writer created the same artifact, or numbered the same revision, first
            return new StaleArtifactException();
        }
        String state = sqlState(failure);
        if (FOREIGN_KEY_VIOLATION_PG.equals(state) || FOREIGN_KEY_VIOLATION_H2.equals(state)) {
            return new NotFoundException("project or artifact");
        }
        return null;
    }

    private static String describe(RuntimeException failure) {
        String state = sqlState(failure);
        if (state == null) {
            return "the database failed";
        }
        if (state.startsWith("08")) {
            return "the database cannot be reached";
        }
        if (state.startsWith("40")) {
            return "the database gave up on the transaction (deadlock or serialization failure)";
        }
        if (state.startsWith("57") || state.startsWith("53") || state.equals("HYT00")) {
            return "the database timed out, is shutting down or is out of resources";
        }
        return "the database failed (SQL state " + state + ")";
    }

    /** Constraint name as the driver reports it; H2 and PostgreSQL differ in case and detail. */
    private static String constraintText(RuntimeException failure) {
        StringBuilder text = new StringBuilder();
        if (failure instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
            text.append(violation.getConstraintName()).append(' ');
        }
        SQLException sql = sqlException(failure);
        if (sql != null && sql.getMessage() != null) {
            text.append(sql.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String sqlState(Throwable failure) {
        SQLException sql = sqlException(failure);
        return sql == null ? null : sql.getSQLState();
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // the innermost driver exception carries the most specific state
                SQLException next = sql.getNextException();
                return next != null && next.getSQLState() != null ? next : sql;
            }
        }
        return null;
    }
}
