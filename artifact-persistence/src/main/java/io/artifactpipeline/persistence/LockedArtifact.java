package io.artifactpipeline.persistence;

import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.Lineage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An artifact row a worker holds locked in plain JDBC, with what its overwrite needs of it: the row version
 * (annotations bump it, so an unchanged one means the worker's copy of them is current) and the head revision.
 */
record LockedArtifact(UUID id, long rowVersion, int headRevision) {

    static LockedArtifact lock(Connection connection, Artifact artifact) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select row_version, head_revision from artifact where id = ? for update")) {
            select.setObject(1, artifact.id().value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("artifact");
                }
                return new LockedArtifact(artifact.id().value(), row.getLong(1), row.getInt(2));
            }
        }
    }

    /** Every field the worker wrote except annotations, which live in their own rows; returns it as saved. */
    Artifact overwrite(Connection connection, Vendor vendor, Artifact from, int newHead) throws SQLException {
        String json = vendor.jsonParameter();
        ArtifactError error = ErrorColumns.stored(from.error());
        try (PreparedStatement update = connection.prepareStatement("""
                update artifact set version_number = ?, current_content = %s, previous_content = %s,
                    edited_sections = %s, status = ?, error_code = ?, error_message = ?, schema_version = ?,
                    updated_at = ?, written_from = %s, head_revision = ?, row_version = ?
                where id = ?
                """.formatted(json, json, json, json))) {
            update.setInt(1, from.versionNumber());
            update.setString(2, JsonText.of(from.currentContent()));
            update.setString(3, JsonText.of(from.previousContent()));
            update.setString(4, JsonText.of(from.editedSections()));
            update.setString(5, from.status().name());
            update.setString(6, ErrorColumns.code(error));
            update.setString(7, ErrorColumns.message(error));
            update.setInt(8, from.schemaVersion());
            update.setObject(9, StoredTime.parameter(from.updatedAt()));
            update.setString(10, JsonText.of(WrittenFrom.column(from.writtenFrom())));
            update.setInt(11, newHead);
            update.setLong(12, rowVersion + 1);
            update.setObject(13, id);
            update.executeUpdate();
        }
        List<Annotation> annotations = rowVersion == from.rowVersion() ? from.annotations()
                : ArtifactRows.annotations(connection, from.id());
        return new Artifact(from.id(), from.projectId(), from.type(), from.versionNumber(), from.currentContent(),
                from.previousContent(), List.copyOf(from.editedSections()), annotations, from.status(), error,
                from.schemaVersion(), StoredTime.of(from.createdAt()), StoredTime.of(from.updatedAt()), rowVersion + 1,
                new Lineage(newHead, WrittenFrom.value(WrittenFrom.column(from.writtenFrom())), Map.of()));
    }
}
