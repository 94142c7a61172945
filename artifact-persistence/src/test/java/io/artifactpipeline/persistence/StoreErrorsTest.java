package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.error.StoreUnavailableException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreErrorsTest {
    @Test
    void aLostConnectionIsUnavailable() {
        RuntimeException lost = new JDBCConnectionException("gone", new SQLException("refused", "08001"));
        assertThat(StoreErrors.translate(lost)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot be reached").hasCause(lost);
    }

    @Test
    void aDataExceptionIsInvalidInputNotARetryableOutage() {
        for (String state : new String[] {"22021", "22001", "22003"}) {
            RuntimeException refused = new jakarta.persistence.PersistenceException(
                    new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", state));
            assertThat(StoreErrors.translate(refused)).as(state).isInstanceOf(InvalidInputException.class)
                    .hasMessageNotContaining("UTF8");
        }
    }

    @Test
    void aPoolTimeoutIsUnavailable() {
        RuntimeException timeout = new jakarta.persistence.PersistenceException(
                new SQLTransientConnectionException("artifact-pipeline - Connection is not available"));
        assertThat(StoreErrors.translate(timeout)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void theActiveGenerationConstraintIsAConflict() {
        RuntimeException duplicate = new ConstraintViolationException("dup",
                new SQLException("duplicate key value violates unique constraint \"uq_generation_active_project\"", "23505"),
                "uq_generation_active_project");
        assertThat(StoreErrors.translate(duplicate)).isInstanceOf(GenerationConflictException.class);
    }

    @Test
    void h2sUpperCaseConstraintNamesAreRecognisedToo() {
        RuntimeException duplicate = new ConstraintViolationException("dup", new SQLException(
                "Unique index or primary key violation: \"PUBLIC.UQ_ARTIFACT_PROJECT_TYPE_INDEX_7 ON PUBLIC.ARTIFACT\"",
                "23505"), null);
        assertThat(StoreErrors.translate(duplicate)).isInstanceOf(StaleArtifactException.class);
    }

    @Test
    void aVersionMismatchIsStale() {
        assertThat(StoreErrors.translate(new OptimisticLockException("row changed")))
                .isInstanceOf(StaleArtifactException.class);
    }

    @Test
    void aMissingReferenceIsNotFound() {
        RuntimeException missing = new ConstraintViolationException("fk",
                new SQLException("insert violates foreign key constraint", "23503"), "generation_project_id_fkey");
        assertThat(StoreErrors.translate(missing)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownConstraintIsNotMistakenForAConflict() {
        RuntimeException other = new ConstraintViolationException("check",
                new SQLException("violates check constraint", "23514"), "ck_something");
        assertThat(StoreErrors.translate(other)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aBugInTheAdapterIsNotDisguisedAsAnOutage() {
        IllegalArgumentException bug = new IllegalArgumentException("bug");
        assertThat(StoreErrors.translate(bug)).isSameAs(bug);
    }
}
