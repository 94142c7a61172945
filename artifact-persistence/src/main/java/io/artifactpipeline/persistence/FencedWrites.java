package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.Revision;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's writes, each fenced: in the same transaction, the generation row is locked and its current
 * fencing token and lease expiry are checked against the worker's lease. A claim by another worker takes
 * the same row lock, so a check and a takeover can never interleave.
 */
final class FencedWrites {
    private FencedWrites() {
    }

    /** Extends the lease from the database's time, not the worker's. */
    static Lease renew(Session session, Lease lease, Duration leaseLength) {
        Instant now = DatabaseTime.now(session);
        return held(session, lease, now).renew(now, leaseLength);
    }

    static Artifact recordWritten(Session session, Lease lease, Artifact written, Revision revision) {
        held(session, lease, DatabaseTime.now(session));
        ArtifactEntity entity = locked(session, written);
        entity.copyContentAndStatus(written);
        int number = entity.advanceHead();
        session.flush();
        session.persist(RevisionEntity.of(revision, number));
        Artifact saved = entity.toArtifact();
        markItem(session, lease, written, GenerationItem.Status.SUCCEEDED, null);
        return saved;
    }

    static Artifact recordFailed(Session session, Lease lease, Artifact failed) {
        held(session, lease, DatabaseTime.now(session));
        Artifact saved = overwrite(session, failed);
        markItem(session, lease, failed, GenerationItem.Status.FAILED, failed.error());
        return saved;
    }

    static Generation finish(Session session, Lease lease) {
        Instant now = DatabaseTime.now(session);
        return held(session, lease, now).finish(now);
    }

    /** Gives the generation back if the lease is still the current one; a lost lease has nothing to give. */
    static void release(Session session, Lease lease) {
        session.createMutationQuery("""
                        update GenerationEntity g set g.leaseExpiresAt = null
                        where g.id = :id and g.fencingToken = :token and g.state = :running
                        """)
                .setParameter("running", GenerationState.RUNNING)
                .setParameter("id", lease.generationId().value())
                .setParameter("token", lease.fencingToken())
                .executeUpdate();
    }

    private static GenerationEntity held(Session session, Lease lease, Instant now) {
        GenerationEntity generation = session.find(GenerationEntity.class, lease.generationId().value(),
                LockModeType.PESSIMISTIC_WRITE);
        if (generation == null || !generation.isHeld(lease, now)) {
            throw new LeaseLostException(lease.generationId());
        }
        return generation;
    }

    /**
     * Every field the worker wrote except annotations, which live in their own rows. The row is locked
     * first, so the version Hibernate checks on update is the one just read.
     */
    private static Artifact overwrite(Session session, Artifact fromWorker) {
        ArtifactEntity entity = locked(session, fromWorker);
        entity.copyContentAndStatus(fromWorker);
        session.flush();
        return entity.toArtifact();
    }

    private static ArtifactEntity locked(Session session, Artifact artifact) {
        ArtifactEntity entity = session.find(ArtifactEntity.class, artifact.id().value(), LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException("artifact");
        }
        return entity;
    }

    /**
     * Plain SQL on purpose: Hibernate translates an HQL update anew on every execution, and this runs once
     * per artifact written (it was a quarter of a worker's write in a profile).
     */
    private static void markItem(Session session, Lease lease, Artifact artifact, GenerationItem.Status status,
                                 ArtifactError error) {
        session.createNativeMutationQuery("""
                        update generation_item set status = :status, error_code = :code, error_message = :message
                        where generation_id = :generation and artifact_type = :type
                        """)
                .setParameter("status", status.name())
                .setParameter("code", error == null ? null : error.code().wireName())
                .setParameter("message", error == null ? null : ErrorMessages.fit(error.message()))
                .setParameter("generation", lease.generationId().value())
                .setParameter("type", artifact.type().name())
                .executeUpdate();
    }
}
