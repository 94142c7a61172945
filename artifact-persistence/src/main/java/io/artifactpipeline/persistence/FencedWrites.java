package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.Revision;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.UUID;

/**
 * A worker's writes, each fenced: in the same transaction, the generation row is locked and its current
 * fencing token and lease expiry are checked against the worker's lease, by the database's clock in the same
 * statement. A claim by another worker takes the same row lock, so a check and a takeover can never
 * interleave. Plain JDBC but for {@link #release}: they run several times per generation, and through the
 * ORM (loading and dirty-checking entities to change a few rows) they cost most of a worker's CPU.
 */
final class FencedWrites {
    private FencedWrites() {
    }

    /** Extends the lease from the database's time, not the worker's. */
    static Lease renew(Connection connection, Lease lease, Duration leaseLength) throws SQLException {
        RunningGeneration held = lockHeld(connection, lease);
        Lease renewed = new Lease(lease.generationId(), lease.workerId(), lease.fencingToken(),
                StoredTime.of(held.databaseNow().plus(leaseLength)));
        try (PreparedStatement update = connection.prepareStatement(
                "update generation set lease_expires_at = ? where id = ?")) {
            update.setObject(1, StoredTime.parameter(renewed.expiresAt()));
            update.setObject(2, lease.generationId().value());
            update.executeUpdate();
        }
        return renewed;
    }

    static Artifact recordWritten(Connection connection, Vendor vendor, Lease lease, Artifact written,
                                  Revision revision) throws SQLException {
        lockHeld(connection, lease);
        LockedArtifact locked = LockedArtifact.lock(connection, written);
        int number = locked.headRevision() + 1;
        Artifact saved = locked.overwrite(connection, vendor, written, number);
        insertRevision(connection, vendor, revision, number);
        markItem(connection, lease, written, GenerationItem.Status.SUCCEEDED, null);
        return saved;
    }

    static Artifact recordFailed(Connection connection, Vendor vendor, Lease lease, Artifact failed)
            throws SQLException {
        lockHeld(connection, lease);
        LockedArtifact locked = LockedArtifact.lock(connection, failed);
        Artifact saved = locked.overwrite(connection, vendor, failed, locked.headRevision());
        markItem(connection, lease, failed, GenerationItem.Status.FAILED, failed.error());
        return saved;
    }

    /** Concludes the generation from its items, at the database's time, and ends the lease. */
    static Generation finish(Connection connection, Lease lease) throws SQLException {
        RunningGeneration held = lockHeld(connection, lease);
        Generation finished = held.toGeneration(connection, held.startedAt()).finished(held.databaseNow());
        try (PreparedStatement update = connection.prepareStatement("""
                update generation set state = ?, finished_at = ?, lease_expires_at = null, active_project_id = null,
                    active_slot = null
                where id = ?
                """)) {
            update.setString(1, finished.state().name());
            update.setObject(2, StoredTime.parameter(finished.finishedAt()));
            update.setObject(3, lease.generationId().value());
            update.executeUpdate();
        }
        return finished;
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

    /**
     * Locks the generation row if the lease is still the current one, judged by the database's clock in the
     * same statement; a claim by another worker takes the same row lock, so the two cannot interleave.
     */
    private static RunningGeneration lockHeld(Connection connection, Lease lease) throws SQLException {
        try (PreparedStatement held = connection.prepareStatement("""
                select %s from generation
                where id = ? and fencing_token = ? and state = 'RUNNING' and lease_expires_at > current_timestamp
                for update
                """.formatted(RunningGeneration.COLUMNS))) {
            held.setObject(1, lease.generationId().value());
            held.setLong(2, lease.fencingToken());
            try (ResultSet row = held.executeQuery()) {
                if (!row.next()) {
                    throw new LeaseLostException(lease.generationId());
                }
                return RunningGeneration.read(row);
            }
        }
    }

    private static void insertRevision(Connection connection, Vendor vendor, Revision revision, int number)
            throws SQLException {
        String json = vendor.jsonParameter();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into revision (id, artifact_id, number, version_number, source, actor, created_at, sections,
                                      content, edited_sections, written_from, restored_from)
                values (?, ?, ?, ?, ?, ?, ?, %s, %s, %s, %s, ?)
                """.formatted(json, json, json, json))) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, revision.artifactId().value());
            insert.setInt(3, number);
            insert.setInt(4, revision.versionNumber());
            insert.setString(5, revision.source().name());
            insert.setString(6, revision.actor());
            insert.setObject(7, StoredTime.parameter(revision.createdAt()));
            insert.setString(8, JsonText.of(revision.sections()));
            insert.setString(9, JsonText.of(revision.content()));
            insert.setString(10, JsonText.of(revision.editedSections()));
            insert.setString(11, JsonText.of(WrittenFrom.column(revision.writtenFrom())));
            if (revision.restoredFrom().isPresent()) {
                insert.setInt(12, revision.restoredFrom().getAsInt());
            } else {
                insert.setNull(12, Types.INTEGER);
            }
            insert.executeUpdate();
        }
    }

    private static void markItem(Connection connection, Lease lease, Artifact artifact, GenerationItem.Status status,
                                 ArtifactError error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update generation_item set status = ?, error_code = ?, error_message = ?
                where generation_id = ? and artifact_type = ?
                """)) {
            update.setString(1, status.name());
            update.setString(2, ErrorColumns.code(error));
            update.setString(3, ErrorColumns.message(error));
            update.setObject(4, lease.generationId().value());
            update.setString(5, artifact.type().name());
            update.executeUpdate();
        }
    }
}
