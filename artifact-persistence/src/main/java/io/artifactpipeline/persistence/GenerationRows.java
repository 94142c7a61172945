package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Generations read in plain JDBC, on the paths every start and claim takes. */
final class GenerationRows {
    private GenerationRows() {
    }

    /** The project's queued or running generation, if the project is the owner's. */
    static Optional<Generation> findActive(Connection connection, UserId owner, ProjectId project) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select g.id, g.tier, g.instructions, g.state, g.created_at, g.started_at, g.finished_at, g.owner_id
                from generation g join project p on p.id = g.project_id
                where g.active_project_id = ? and p.owner_id = ?
                """)) {
            select.setObject(1, project.value());
            select.setString(2, owner.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                GenerationId id = new GenerationId(row.getObject(1, UUID.class));
                return Optional.of(new Generation(id, project, new UserId(row.getString(8)), Tier.valueOf(row.getString(2)),
                        Optional.ofNullable(row.getString(3)), items(connection, id),
                        GenerationState.valueOf(row.getString(4)), StoredTime.read(row, 5), StoredTime.read(row, 6), StoredTime.read(row, 7)));
            }
        }
    }

    /** A generation's items in their order. */
    static List<GenerationItem> items(Connection connection, GenerationId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select artifact_type, artifact_id, status, error_code, error_message
                from generation_item where generation_id = ? order by position
                """)) {
            select.setObject(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                List<GenerationItem> items = new ArrayList<>();
                while (rows.next()) {
                    items.add(new GenerationItem(ArtifactType.valueOf(rows.getString(1)),
                            new ArtifactId(rows.getObject(2, UUID.class)), GenerationItem.Status.valueOf(rows.getString(3)),
                            ErrorColumns.read(rows.getString(4), rows.getString(5))));
                }
                return items;
            }
        }
    }
}
