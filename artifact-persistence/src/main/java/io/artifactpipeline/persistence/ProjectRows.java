package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A project read in plain JDBC, through its owner: every generation's start and claim reads one. */
final class ProjectRows {
    private ProjectRows() {
    }

    static Optional<Project> find(Connection connection, UserId owner, ProjectId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select name, idea, answers, created_at from project where id = ? and owner_id = ?")) {
            select.setObject(1, id.value());
            select.setString(2, owner.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                // [[question, answer], ...]: pairs in an array, since jsonb would reorder an object's keys
                Map<String, String> answers = new LinkedHashMap<>();
                for (JsonNode pair : JsonText.array(row.getString(3))) {
                    answers.put(pair.get(0).asText(), pair.get(1).asText());
                }
                return Optional.of(new Project(id, owner, row.getString(1), row.getString(2), answers,
                        StoredTime.read(row, 4)));
            }
        }
    }
}
