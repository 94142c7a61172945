package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A generation row read in plain JDBC for a claim or a fenced write, with the database's time read by the
 * same statement ({@link #COLUMNS}), so that leases are given and judged by one clock without a round trip.
 */
record RunningGeneration(GenerationId id, ProjectId projectId, UserId owner, Tier tier, Optional<String> instructions,
                         Instant createdAt, Instant startedAt, long fencingToken, Instant databaseNow) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS =
            "id, project_id, owner_id, tier, instructions, created_at, started_at, fencing_token, current_timestamp";

    static RunningGeneration read(ResultSet row) throws SQLException {
        return new RunningGeneration(new GenerationId(row.getObject(1, UUID.class)),
                new ProjectId(row.getObject(2, UUID.class)), new UserId(row.getString(3)), Tier.valueOf(row.getString(4)),
                Optional.ofNullable(row.getString(5)), StoredTime.read(row, 6), StoredTime.read(row, 7), row.getLong(8),
                StoredTime.of(StoredTime.read(row, 9)));
    }

    /** The generation as running since {@code started}, with its items as stored. */
    Generation toGeneration(Connection connection, Instant started) throws SQLException {
        return new Generation(id, projectId, owner, tier, instructions, GenerationRows.items(connection, id), GenerationState.RUNNING,
                createdAt, started, null);
    }
}
