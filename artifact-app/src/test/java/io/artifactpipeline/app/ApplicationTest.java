package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The assembled application (storage, offline model, workers, HTTP, development auth) over a real
 * socket, on H2 and on PostgreSQL: what a founder's client sees end to end.
 */
class ApplicationTest {

    abstract static class EndToEnd {
        abstract RunningApp app();

        @Test
        void aFounderGetsFiveArtifactsEditsOneAndSeesItsHistory() {
            JsonNode project = app().send("POST", "/api/projects", "alice",
                    "{\"idea\":\"Forecast bread demand for small bakeries\",\"answers\":{\"Who pays?\":\"Bakery owners\"}}").body();
            String projectId = project.get("id").asText();

            RunningApp.Reply started = app().send("POST", "/api/artifacts/generate", "alice",
                    "{\"project_id\":\"" + projectId + "\"}");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.body().get("artifact_count").asInt()).isEqualTo(5);

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode list = app().send("GET", "/api/artifacts/project/" + projectId, "alice", null).body();
                return list.size() == 5 && allIdle(list);
            });
            JsonNode list = app().send("GET", "/api/artifacts/project/" + projectId, "alice", null).body();
            assertThat(list.get(0).get("artifact_type").asText()).isEqualTo("brief");
            assertThat(list.get(0).get("current_content").get("problem_statement").asText()).isNotBlank();
            String briefId = list.get(0).get("id").asText();

            RunningApp.Reply edited = app().send("PATCH", "/api/artifacts/" + briefId + "/edit", "alice",
                    "{\"section_path\":\"target_user\",\"new_value\":\"Owners of neighbourhood bakeries\"}");
            assertThat(edited.status()).isEqualTo(200);
            assertThat(edited.body().get("has_user_edits").asBoolean()).isTrue();

            JsonNode revisions = app().send("GET", "/api/artifacts/" + briefId + "/revisions", "alice", null).body();
            assertThat(revisions).extracting(r -> r.get("source").asText()).containsExactly("edited", "generated");

            assertThat(app().send("GET", "/api/artifacts/" + briefId, "mallory", null).status()).isEqualTo(404);
            assertThat(app().send("GET", "/observe/health", null, null).status()).isEqualTo(200);
        }

        private static boolean allIdle(JsonNode artifacts) {
            for (JsonNode artifact : artifacts) {
                if (!artifact.get("generation_status").asText().equals("idle")) {
                    return false;
                }
            }
            return true;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnEmbeddedH2 extends EndToEnd {
        @TempDir
        Path dataDir;
        private RunningApp app;

        @Override
        RunningApp app() {
            if (app == null) {
                app = new RunningApp(dataDir, Map.of());
            }
            return app;
        }

        @AfterAll
        void stop() {
            if (app != null) {
                app.close();
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends EndToEnd {
        @TempDir
        Path dataDir;
        private ThrowawayPostgres database;
        private RunningApp app;

        @Override
        RunningApp app() {
            if (app == null) {
                database = ThrowawayPostgres.createOrSkip();
                app = new RunningApp(dataDir, Map.of("ARTIFACT_DB_URL", database.url(),
                        "ARTIFACT_DB_USER", ThrowawayPostgres.USER));
            }
            return app;
        }

        @AfterAll
        void stop() throws Exception {
            if (app != null) {
                app.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }
}
