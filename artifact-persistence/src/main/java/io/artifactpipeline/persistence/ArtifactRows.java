package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Lineage;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads clients poll and every generation makes, in plain JDBC: an artifact's progress (one statement);
 * the artifact itself (its row filtered by owner in the query, its notes only if it has any, its siblings'
 * head revisions only if it depends on one); a project's artifacts. A few short statements on an auto-commit connection cost less than a Hibernate session
 * with its transaction, entity loading and change tracking ({@link Database#plainRead}).
 */
final class ArtifactRows {
    private static final String COLUMNS = """
            select a.id, a.project_id, a.artifact_type, a.version_number, a.current_content, a.previous_content,
                   a.edited_sections, a.status, a.error_code, a.error_message, a.schema_version, a.created_at,
                   a.updated_at, a.row_version, a.head_revision, a.written_from,
                   exists (select 1 from annotation n where n.artifact_id = a.id)
            from artifact a join project p on p.id = a.project_id
            where p.owner_id = ?
            """;

    private ArtifactRows() {
    }

    static Optional<Artifact> find(Connection connection, UserId owner, ArtifactId id) throws SQLException {
        Artifact artifact;
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " and a.id = ?")) {
            select.setString(1, owner.value());
            select.setObject(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                artifact = artifact(row, hasAnnotations(row) ? annotations(connection, id) : List.of());
            }
        }
        if (artifact.type().dependencies().isEmpty()) {
            return Optional.of(artifact);
        }
        Lineage lineage = artifact.lineage().seenAgainst(artifact.type(), heads(connection, artifact.projectId()));
        return Optional.of(artifact.withLineage(lineage));
    }

    /**
     * A project's artifacts in generation order, with their notes; the rows themselves carry every head
     * revision, so staleness costs no further statement.
     */
    static List<Artifact> listByProject(Connection connection, UserId owner, ProjectId project) throws SQLException {
        List<Artifact> artifacts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " and a.project_id = ?")) {
            select.setString(1, owner.value());
            select.setObject(2, project.value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ArtifactId id = new ArtifactId(row.getObject(1, UUID.class));
                    artifacts.add(artifact(row, hasAnnotations(row) ? annotations(connection, id) : List.of()));
                }
            }
        }
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        artifacts.forEach(artifact -> heads.put(artifact.type(), artifact.lineage().headRevision()));
        return artifacts.stream()
                .sorted(Comparator.comparing(Artifact::type))
                .map(artifact -> artifact.withLineage(artifact.lineage().seenAgainst(artifact.type(), heads)))
                .toList();
    }

    /** Where an artifact stands: the status columns only, no content to read or parse, no notes to join. */
    static Optional<ArtifactReadCache.Found<ArtifactProgress>> progress(Connection connection, UserId owner,
                                                                     ArtifactId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select a.project_id, a.status, a.version_number, a.updated_at, a.error_code, a.error_message
                from artifact a join project p on p.id = a.project_id
                where p.owner_id = ? and a.id = ?
                """)) {
            select.setString(1, owner.value());
            select.setObject(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ArtifactReadCache.Found<>(owner, new ProjectId(row.getObject(1, UUID.class)),
                        new ArtifactProgress(ArtifactStatus.valueOf(row.getString(2)), row.getInt(3),
                                StoredTime.read(row, 4), ErrorColumns.read(row.getString(5), row.getString(6)))));
            }
        }
    }

    /** A note per row, in the order they were added. */
    static List<Annotation> annotations(Connection connection, ArtifactId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, section_id, note, created_at from annotation where artifact_id = ? order by position")) {
            select.setObject(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                List<Annotation> annotations = new ArrayList<>();
                while (rows.next()) {
                    annotations.add(new Annotation(new AnnotationId(rows.getObject(1, UUID.class)), rows.getString(2),
                            rows.getString(3), StoredTime.read(rows, 4)));
                }
                return annotations;
            }
        }
    }

    private static Map<ArtifactType, Integer> heads(Connection connection, ProjectId project) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select artifact_type, head_revision from artifact where project_id = ?")) {
            select.setObject(1, project.value());
            try (ResultSet rows = select.executeQuery()) {
                Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
                while (rows.next()) {
                    heads.put(ArtifactType.valueOf(rows.getString(1)), rows.getInt(2));
                }
                return heads;
            }
        }
    }

    private static boolean hasAnnotations(ResultSet row) throws SQLException {
        return row.getBoolean(17);
    }

    private static Artifact artifact(ResultSet row, List<Annotation> annotations) throws SQLException {
        ArtifactError error = ErrorColumns.read(row.getString(9), row.getString(10));
        return new Artifact(new ArtifactId(row.getObject(1, UUID.class)), new ProjectId(row.getObject(2, UUID.class)),
                ArtifactType.valueOf(row.getString(3)), row.getInt(4), JsonText.object(row.getString(5)),
                JsonText.object(row.getString(6)), JsonText.strings(row.getString(7)), annotations,
                ArtifactStatus.valueOf(row.getString(8)), error, row.getInt(11),
                StoredTime.read(row, 12), StoredTime.read(row, 13),
                row.getLong(14), new Lineage(row.getInt(15), WrittenFrom.value(JsonText.object(row.getString(16))), Map.of()));
    }
}
