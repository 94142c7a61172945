package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

        @Test
        void anUpstreamEditMakesDependentsStaleARestoreComesBackAndGenerateCatchesUp() {
            String projectId = generatedProject("erin");
            JsonNode written = app().send("GET", "/api/artifacts/project/" + projectId, "erin", null).body();
            String briefId = written.get(0).get("id").asText();
            assertThat(written.get(1).get("written_from").get("brief").asInt()).isEqualTo(1);

            assertThat(app().send("PATCH", "/api/artifacts/" + briefId + "/edit", "erin",
                    "{\"section_path\":\"target_user\",\"new_value\":\"Night-shift nurses\"}").status()).isEqualTo(200);
            JsonNode edited = app().send("GET", "/api/artifacts/project/" + projectId, "erin", null).body();
            assertThat(edited).extracting(a -> a.get("stale").asBoolean()).containsExactly(false, true, true, true, true);

            RunningApp.Reply restored = app().send("POST", "/api/artifacts/" + briefId + "/revisions/1/restore", "erin", null);
            assertThat(restored.status()).isEqualTo(200);
            assertThat(restored.body().get("current_content")).isEqualTo(written.get(0).get("current_content"));
            assertThat(restored.body().get("version_number").asInt()).isEqualTo(2);
            assertThat(restored.body().get("has_user_edits").asBoolean()).isFalse();
            JsonNode history = app().send("GET", "/api/artifacts/" + briefId + "/revisions", "erin", null).body();
            assertThat(history).extracting(r -> r.get("source").asText()).containsExactly("restored", "edited", "generated");
            assertThat(history.get(0).get("restored_from").asInt()).isEqualTo(1);

            RunningApp.Reply caughtUp = app().send("POST", "/api/artifacts/generate", "erin",
                    "{\"project_id\":\"" + projectId + "\"}");
            assertThat(caughtUp.status()).isEqualTo(202);
            assertThat(caughtUp.body().get("artifact_types")).extracting(JsonNode::asText)
                    .containsExactly("mvp_scope", "milestones", "risk_log", "how_it_works");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode list = app().send("GET", "/api/artifacts/project/" + projectId, "erin", null).body();
                return allIdle(list) && list.get(1).get("version_number").asInt() == 2;
            });
            JsonNode after = app().send("GET", "/api/artifacts/project/" + projectId, "erin", null).body();
            assertThat(after).extracting(a -> a.get("stale").asBoolean()).containsOnly(false);
            assertThat(after.get(1).get("written_from").get("brief").asInt()).isEqualTo(3);
            assertThat(app().send("POST", "/api/artifacts/" + briefId + "/revisions/1/restore", "mallory", null).status())
                    .isEqualTo(404);
        }

        @Test
        void regenerationWarnsBeforeOverwritingEditsAndForceOverwrites() {
            String projectId = generatedProject("bob");
            String milestones = app().send("GET", "/api/artifacts/project/" + projectId, "bob", null).body().get(2)
                    .get("id").asText();
            assertThat(app().send("PATCH", "/api/artifacts/" + milestones + "/edit", "bob",
                    "{\"section_path\":\"total_duration_weeks\",\"new_value\":12}").status()).isEqualTo(200);
            assertThat(app().send("POST", "/api/artifacts/" + milestones + "/annotate", "bob",
                    "{\"section_id\":\"milestones\",\"note\":\"check the pilot length\"}").status()).isEqualTo(200);

            RunningApp.Reply warned = app().send("POST", "/api/artifacts/" + milestones + "/regenerate", "bob", "{}");
            assertThat(warned.status()).isEqualTo(200);
            assertThat(warned.body().get("warning").asBoolean()).isTrue();
            assertThat(warned.body().get("edited_sections")).extracting(JsonNode::asText).containsExactly("total_duration_weeks");

            RunningApp.Reply forced = app().send("POST", "/api/artifacts/" + milestones + "/regenerate", "bob",
                    "{\"force\":true,\"instructions\":\"Plan for a team of two\"}");
            assertThat(forced.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> app().send("GET", "/api/artifacts/" + milestones
                    + "/status", "bob", null).body().get("version_number").asInt() == 2);
            JsonNode rewritten = app().send("GET", "/api/artifacts/" + milestones, "bob", null).body();
            assertThat(rewritten.get("has_user_edits").asBoolean()).isFalse();
            assertThat(rewritten.get("previous_content").get("total_duration_weeks").asInt()).isEqualTo(12);
            assertThat(rewritten.get("annotations")).hasSize(1);
        }

        @Test
        void aSecondGenerationWhileOneRunsIsAConflictAndOthersSeeNothing() {
            String projectId = app().send("POST", "/api/projects", "carol",
                    "{\"idea\":\"A marketplace for used lab equipment\",\"answers\":{}}").body().get("id").asText();
            String generate = "{\"project_id\":\"" + projectId + "\"}";
            assertThat(app().send("POST", "/api/artifacts/generate", "carol", generate).status()).isEqualTo(202);
            RunningApp.Reply second = app().send("POST", "/api/artifacts/generate", "carol", generate);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.body().get("generation_id").asText()).isNotBlank();

            assertThat(app().send("POST", "/api/artifacts/generate", "mallory", generate).status()).isEqualTo(404);
            assertThat(app().send("GET", "/api/projects/" + projectId, "mallory", null).status()).isEqualTo(404);
            assertThat(app().send("GET", "/api/artifacts/project/" + projectId, "mallory", null).body()).isEmpty();
            assertThat(app().send("GET", "/api/projects", null, null).status()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(20)).until(() -> allIdle(
                    app().send("GET", "/api/artifacts/project/" + projectId, "carol", null).body()));
        }

        @Test
        void theEventStreamShowsTheArtifactsBeingWritten() throws Exception {
            String projectId = app().send("POST", "/api/projects", "dave",
                    "{\"idea\":\"Compost pickup for apartment blocks\",\"answers\":{}}").body().get("id").asText();
            List<String> events = new CopyOnWriteArrayList<>();
            HttpRequest watch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app().application.port()
                            + "/api/artifacts/project/" + projectId + "/events"))
                    .header("Authorization", "Bearer " + app().token("dave")).build();
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<Stream<String>>> stream = client.sendAsync(watch, HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            Thread reader = Thread.ofVirtual().start(() -> response.body()
                    .filter(line -> line.startsWith("data:") && line.length() > 5)
                    .forEach(events::add));
            try {
                assertThat(app().send("POST", "/api/artifacts/generate", "dave",
                        "{\"project_id\":\"" + projectId + "\"}").status()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        events.stream().filter(e -> e.contains("\"kind\":\"content\"")).count() == 5);
                assertThat(events.getFirst()).contains("\"generation_status\":\"generating\"");
            } finally {
                reader.interrupt();
                client.shutdownNow();
            }
        }

        private String generatedProject(String user) {
            String projectId = app().send("POST", "/api/projects", user,
                    "{\"idea\":\"Tutoring for night-shift nurses\",\"answers\":{\"Who pays?\":\"Hospitals\"}}")
                    .body().get("id").asText();
            assertThat(app().send("POST", "/api/artifacts/generate", user,
                    "{\"project_id\":\"" + projectId + "\"}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode list = app().send("GET", "/api/artifacts/project/" + projectId, user, null).body();
                return list.size() == 5 && allIdle(list);
            });
            return projectId;
        }

        private static boolean allIdle(JsonNode artifacts) {
            if (artifacts.isEmpty()) {
                return false;
            }
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
                app = new RunningApp(dataDir, Map.of("ARTIFACT_LLM_OFFLINE_LATENCY_MS", "100"));
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
                        "ARTIFACT_DB_USER", ThrowawayPostgres.USER, "ARTIFACT_LLM_OFFLINE_LATENCY_MS", "100"));
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
