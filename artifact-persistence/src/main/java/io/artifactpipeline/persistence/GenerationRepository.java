package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.error.TooManyActiveGenerationsException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queuing, finding and claiming generations. Workers' writes under a lease are in {@link FencedWrites}. */
final class GenerationRepository {
    private static final String OWNED_GENERATIONS = """
            select g from GenerationEntity g
            join ProjectEntity p on p.id = g.projectId
            left join fetch g.items
            where p.ownerId = :owner
            """;

    /**
     * The oldest generation a worker may take: queued, or running under a lease that ran out (or was
     * released), by the database's clock, which the same statement reads for the new lease. SKIP LOCKED lets
     * concurrent workers pass over a row another is claiming instead of waiting for it, and the row lock
     * makes the claim exclusive.
     */
    private static final String CLAIMABLE = """
            select %s
            from generation
            where active_project_id is not null
              and (state = 'QUEUED'
                   or (state = 'RUNNING' and (lease_expires_at is null or lease_expires_at <= current_timestamp)))
            order by created_at, id
            fetch first 1 rows only
            for update skip locked
            """.formatted(RunningGeneration.COLUMNS);

    private GenerationRepository() {
    }

    /**
     * Inserts the generation first: the unique active-project constraint refuses a second active one
     * (waiting, on PostgreSQL, for a concurrent insert to commit or roll back) before anything else is
     * written. It takes the owner's lowest free active-generation slot, whose unique constraint likewise
     * refuses a slot that a concurrent start took first (the caller then tries again). Then the artifacts,
     * each existing one only if its row version is unchanged; then the items.
     */
    static Generation enqueue(Session session, Vendor vendor, Generation generation, List<Artifact> markedGenerating,
                              int maxActivePerOwner) {
        session.doWork(connection -> QueuedRows.insertGeneration(connection, generation,
                freeSlot(connection, generation, maxActivePerOwner)));
        List<Artifact> unseen = new ArrayList<>();
        for (Artifact artifact : markedGenerating) {
            // Row version 0: the core made this artifact just now, so there is nothing to look up.
            ArtifactEntity stored = artifact.rowVersion() == 0 ? null : session.find(ArtifactEntity.class, artifact.id().value());
            if (stored == null) {
                unseen.add(artifact);
            } else if (stored.rowVersion() != artifact.rowVersion()) {
                throw new StaleArtifactException();
            } else {
                stored.copyContentAndStatus(artifact);
            }
        }
        session.flush();
        // the items reference the artifacts, which must exist first
        session.doWork(connection -> {
            QueuedRows.insertArtifacts(connection, vendor, unseen);
            QueuedRows.insertItems(connection, generation);
        });
        return generation;
    }

    private static int freeSlot(Connection connection, Generation generation, int maxActivePerOwner)
            throws SQLException {
        List<Integer> taken = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select active_slot from generation where owner_id = ? and active_slot is not null")) {
            select.setString(1, generation.owner().value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getInt(1));
                }
            }
        }
        if (taken.size() >= maxActivePerOwner) {
            throw new TooManyActiveGenerationsException(maxActivePerOwner);
        }
        int slot = 1;
        while (taken.contains(slot)) {
            slot++;
        }
        return slot;
    }

    static Optional<Generation> find(Session session, UserId owner, GenerationId id) {
        return session.createSelectionQuery(OWNED_GENERATIONS + " and g.id = :id", GenerationEntity.class)
                .setParameter("owner", owner.value())
                .setParameter("id", id.value())
                .uniqueResultOptional()
                .map(GenerationEntity::toGeneration);
    }

    /** Which generation holds the project, whoever owns it: only to say what a conflict was about. */
    static Optional<GenerationId> activeId(Session session, ProjectId projectId) {
        return session.createSelectionQuery(
                        "select g.id from GenerationEntity g where g.activeProjectId = :project", UUID.class)
                .setParameter("project", projectId.value())
                .uniqueResultOptional()
                .map(GenerationId::new);
    }

    /**
     * Judged and leased by the database's time, so that every server sees the same expiry. Plain JDBC: it
     * runs once per generation, and through the ORM it cost a statement more and most of its CPU. The run's
     * starting point (the project, its artifacts) is read in the same transaction.
     */
    static Optional<ClaimedGeneration> claimNext(Connection connection, String workerId, Duration leaseLength)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLAIMABLE);
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            RunningGeneration claimed = RunningGeneration.read(row);
            Instant now = claimed.databaseNow();
            Instant started = claimed.startedAt() == null ? now : claimed.startedAt();
            Lease lease = new Lease(claimed.id(), workerId, claimed.fencingToken() + 1,
                    StoredTime.of(now.plus(leaseLength)));
            lease(connection, lease, started);
            Generation generation = claimed.toGeneration(connection, started);
            return Optional.of(new ClaimedGeneration(generation, lease,
                    ProjectRows.find(connection, generation.owner(), generation.projectId()),
                    ArtifactRows.listByProject(connection, generation.owner(), generation.projectId())));
        }
    }

    private static void lease(Connection connection, Lease lease, Instant started) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update generation set state = 'RUNNING', started_at = ?, finished_at = null, lease_worker = ?,
                    fencing_token = ?, lease_expires_at = ?
                where id = ?
                """)) {
            update.setObject(1, StoredTime.parameter(started));
            update.setString(2, lease.workerId());
            update.setLong(3, lease.fencingToken());
            update.setObject(4, StoredTime.parameter(lease.expiresAt()));
            update.setObject(5, lease.generationId().value());
            update.executeUpdate();
        }
    }
}
