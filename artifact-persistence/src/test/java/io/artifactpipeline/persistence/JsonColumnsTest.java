package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content is stored as a JSON object (jsonb on PostgreSQL, JSON on H2), not as a JSON string holding the
 * text of one, which is what H2 does with a plain varchar bound to a JSON column; and it reads back equal.
 */
class JsonColumnsTest {
    private static final ObjectNode AWKWARD = parse("""
            {"text": "Caf\\u00e9 \\"quoted\\" \\\\ back\\nslash \\ud83c\\udf5e",
             "nested": {"deeper": {"list": [1, 2.5, -3, 12345678901234567890, true, null, {"k": []}]}},
             "empty_object": {}, "empty_array": [], "nothing": null,
             "zeta": 1, "alpha": 2}""");

    @Test
    void h2StoresContentAsAJsonObjectAndReadsItBackEqual() throws SQLException {
        DatabaseSettings settings = TestDatabases.freshH2();
        try (JpaStorage storage = JpaStorage.open(settings)) {
            Artifact written = writeAwkwardContent(storage);
            assertThat(storage.findArtifact(owner, written.id()).orElseThrow()
                    .currentContent()).isEqualTo(AWKWARD);
            try (Connection connection = java.sql.DriverManager.getConnection(settings.jdbcUrl());
                 PreparedStatement query = connection.prepareStatement(
                         "select cast(current_content as varchar), cast(edited_sections as varchar) from artifact where id = ?")) {
                query.setObject(1, written.id().value());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).startsWith("{");
                    assertThat(parse(row.getString(1))).isEqualTo(AWKWARD);
                    assertThat(row.getString(2)).isEqualTo("[]");
                }
            }
        }
    }

    @Test
    void postgresStoresContentAsJsonbObjectsItCanQuery() throws Exception {
        PostgresDatabase postgres = new PostgresDatabase();
        postgres.beforeAll(null);
        try (JpaStorage storage = JpaStorage.open(postgres.settings(2))) {
            Artifact written = writeAwkwardContent(storage);
            assertThat(storage.findArtifact(owner, written.id()).orElseThrow().currentContent()).isEqualTo(AWKWARD);
            try (Connection connection = postgres.connect();
                 PreparedStatement query = connection.prepareStatement("""
                         select jsonb_typeof(current_content), current_content ->> 'text',
                                jsonb_typeof(p.answers), pg_typeof(current_content)::text
                         from artifact a join project p on p.id = a.project_id where a.id = ?""")) {
                query.setObject(1, written.id().value());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).isEqualTo("object");
                    assertThat(row.getString(2)).isEqualTo(AWKWARD.get("text").asText());
                    assertThat(row.getString(3)).isEqualTo("array");
                    assertThat(row.getString(4)).isEqualTo("jsonb");
                }
            }
        } finally {
            postgres.afterAll(null);
        }
    }

    private final UserId owner = Fixtures.user();

    private Artifact writeAwkwardContent(JpaStorage storage) {
        Project project = Fixtures.project(storage, owner);
        Fixtures.enqueueAll(storage, project);
        Instant now = Fixtures.now();
        ClaimedGeneration claim = storage.claimNext("w", now, Fixtures.LEASE).orElseThrow();
        Artifact brief = storage.listByProject(owner, project.id()).getFirst();
        Artifact written = brief.withGeneratedContent(AWKWARD.deepCopy(), 1, now);
        return storage.recordWritten(claim.lease(), written, written.generatedRevision(), List.of(), now);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
