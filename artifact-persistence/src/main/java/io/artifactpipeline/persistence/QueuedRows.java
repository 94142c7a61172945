package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * The rows a start inserts, in plain JDBC and one batch per table: a start runs on every request to
 * generate, and through the ORM persisting its eleven rows was most of its CPU.
 */
final class QueuedRows {
    private QueuedRows() {
    }

    /** A new generation holding the owner's active-generation slot {@code slot} while it is active. */
    static void insertGeneration(Connection connection, Generation generation, int slot) throws SQLException {
        boolean active = generation.state().isActive();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into generation (id, project_id, owner_id, tier, instructions, state, created_at, started_at,
                                        finished_at, active_project_id, active_slot, fencing_token)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """)) {
            insert.setObject(1, generation.id().value());
            insert.setObject(2, generation.projectId().value());
            insert.setString(3, generation.owner().value());
            insert.setString(4, generation.tier().name());
            insert.setString(5, generation.instructions().orElse(null));
            insert.setString(6, generation.state().name());
            insert.setObject(7, StoredTime.parameter(generation.createdAt()));
            insert.setObject(8, StoredTime.parameter(generation.startedAt()));
            insert.setObject(9, StoredTime.parameter(generation.finishedAt()));
            insert.setObject(10, active ? generation.projectId().value() : null);
            if (active) {
                insert.setInt(11, slot);
            } else {
                insert.setNull(11, Types.INTEGER);
            }
            insert.executeUpdate();
        }
    }

    /** Artifacts the store has not seen, each with the row version after the one it was made with. */
    static void insertArtifacts(Connection connection, Vendor vendor, List<Artifact> artifacts) throws SQLException {
        if (artifacts.isEmpty()) {
            return;
        }
        String json = vendor.jsonParameter();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into artifact (id, project_id, artifact_type, version_number, current_content, previous_content,
                                      edited_sections, status, error_code, error_message, schema_version, created_at,
                                      updated_at, row_version, head_revision, written_from)
                values (?, ?, ?, ?, %s, %s, %s, ?, ?, ?, ?, ?, ?, ?, 0, %s)
                """.formatted(json, json, json, json))) {
            for (Artifact artifact : artifacts) {
                insert.setObject(1, artifact.id().value());
                insert.setObject(2, artifact.projectId().value());
                insert.setString(3, artifact.type().name());
                insert.setInt(4, artifact.versionNumber());
                insert.setString(5, JsonText.of(artifact.currentContent()));
                insert.setString(6, JsonText.of(artifact.previousContent()));
                insert.setString(7, JsonText.of(artifact.editedSections()));
                insert.setString(8, artifact.status().name());
                insert.setString(9, ErrorColumns.code(artifact.error()));
                insert.setString(10, ErrorColumns.message(artifact.error()));
                insert.setInt(11, artifact.schemaVersion());
                insert.setObject(12, StoredTime.parameter(artifact.createdAt()));
                insert.setObject(13, StoredTime.parameter(artifact.updatedAt()));
                insert.setLong(14, artifact.rowVersion() + 1);
                insert.setString(15, JsonText.of(WrittenFrom.column(artifact.writtenFrom())));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertItems(Connection connection, Generation generation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into generation_item (id, generation_id, position, artifact_type, artifact_id, status,
                                             error_code, error_message)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            List<GenerationItem> items = generation.items();
            for (int i = 0; i < items.size(); i++) {
                GenerationItem item = items.get(i);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, generation.id().value());
                insert.setInt(3, i);
                insert.setString(4, item.type().name());
                insert.setObject(5, item.artifactId().value());
                insert.setString(6, item.status().name());
                insert.setString(7, ErrorColumns.code(item.error()));
                insert.setString(8, ErrorColumns.message(item.error()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
