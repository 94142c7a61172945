package io.artifactpipeline.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Lineage;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads clients poll, in plain JDBC: an artifact's progress (one statement), and the artifact itself (its
 * row filtered by owner in the query, its notes only if it has any, its siblings' head revisions only if it
 * depends on one). A few short statements on an auto-commit connection cost less than a Hibernate session
 * with its transaction, entity loading and change tracking ({@link Database#plainRead}).
 */
final class ArtifactRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNED_ARTIFACT = """
            select a.project_id, a.artifact_type, a.version_number, a.current_content, a.previous_content,
                   a.edited_sections, a.status, a.error_code, a.error_message, a.schema_version, a.created_at,
                   a.updated_at, a.row_version, a.head_revision, a.written_from,
                   exists (select 1 from annotation n where n.artifact_id = a.id)
            from artifact a join project p on p.id = a.project_id
            where p.owner_id = ? and a.id = ?
            """;

    private ArtifactRows() {
    }

    static Optional<Artifact> find(Connection connection, UserId owner, ArtifactId id) throws SQLException {
        Artifact artifact;
        try (PreparedStatement select = connection.prepareStatement(OWNED_ARTIFACT)) {
            select.setString(1, owner.value());
            select.setObject(2, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean annotated = row.getBoolean(16);
                artifact = artifact(id, row, annotated ? annotations(connection, id) : List.of());
            }
        }
        if (artifact.type().dependencies().isEmpty()) {
            return Optional.of(artifact);
        }
        Lineage lineage = artifact.lineage().seenAgainst(artifact.type(), heads(connection, artifact.projectId()));
        return Optional.of(artifact.withLineage(lineage));
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
                String errorCode = row.getString(5);
                ArtifactError error = errorCode == null ? null
                        : new ArtifactError(ErrorCode.fromWireName(errorCode), row.getString(6));
                return Optional.of(new ArtifactReadCache.Found<>(owner, new ProjectId(row.getObject(1, UUID.class)),
                        new ArtifactProgress(ArtifactStatus.valueOf(row.getString(2)), row.getInt(3),
                                row.getObject(4, OffsetDateTime.class).toInstant(), error)));
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
                            rows.getString(3), rows.getObject(4, OffsetDateTime.class).toInstant()));
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

    private static Artifact artifact(ArtifactId id, ResultSet row, List<Annotation> annotations) throws SQLException {
        String errorCode = row.getString(8);
        ArtifactError error = errorCode == null ? null : new ArtifactError(ErrorCode.fromWireName(errorCode), row.getString(9));
        return new Artifact(id, new ProjectId(row.getObject(1, UUID.class)), ArtifactType.valueOf(row.getString(2)),
                row.getInt(3), object(row.getString(4)), object(row.getString(5)), strings(row.getString(6)), annotations,
                ArtifactStatus.valueOf(row.getString(7)), error, row.getInt(10),
                row.getObject(11, OffsetDateTime.class).toInstant(), row.getObject(12, OffsetDateTime.class).toInstant(),
                row.getLong(13), new Lineage(row.getInt(14), WrittenFrom.value(object(row.getString(15))), Map.of()));
    }

    private static ObjectNode object(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("a JSON column does not hold an object", e);
        }
    }

    private static List<String> strings(String json) throws SQLException {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("the edited sections column does not hold a list of strings", e);
        }
    }
}
