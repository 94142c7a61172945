package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application on H2 with the offline model (slowed down so that "generating" can be seen), a
 * headless browser pointed at its web workspace, and the API calls a test uses to set the scene or to
 * play "another session".
 */
final class Workspace implements AutoCloseable {
    /**
     * Per model call: a generation is then "generating" for about two seconds (three calls on its critical
     * path), long enough for a page on a busy CI machine to show it; at 300 ms it was once over before the
     * page had drawn it.
     */
    static final String MODEL_LATENCY_MS = "700";

    final RunningApp app;
    final Browser browser;
    private final Path dataDir;

    private Workspace(RunningApp app, Browser browser, Path dataDir) {
        this.app = app;
        this.browser = browser;
        this.dataDir = dataDir;
    }

    /** Starts the browser first: without one nothing else is started. */
    static Workspace start(Path dataDir) {
        Browser browser = Browser.start();
        try {
            return new Workspace(new RunningApp(dataDir, Map.of("ARTIFACT_LLM_OFFLINE_LATENCY_MS", MODEL_LATENCY_MS)),
                    browser, dataDir);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** A user of its own for each test, so that tests share nothing and run in any order. */
    static String newUser(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String base() {
        return app.base();
    }

    /** Opens the workspace signed in as {@code user}, at {@code hash} ("#/projects/..."). */
    void openAs(String user, String hash) {
        browser.reset(base());
        browser.signInWithToken(base(), app.token(user));
        browser.open(base() + hash);
    }

    /** A new project of {@code user} with its five documents written, opened in the browser at one of them. */
    String openWrittenDocument(String user, String type) {
        String projectId = generatedProject(user, "Bakery forecast");
        openAs(user, "#/projects/" + projectId + "/" + type);
        return projectId;
    }

    String createProject(String user, String name, String idea) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("idea", idea);
        body.putObject("answers").put("Who pays?", "Owners of small bakeries");
        RunningApp.Reply created = app.send("POST", "/api/projects", user, body.toString());
        assertThat(created.status()).as("project created").isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** A project whose five documents are written, through the API. */
    String generatedProject(String user, String name) {
        String projectId = createProject(user, name, "Forecast bread demand for small bakeries so they waste less");
        assertThat(app.send("POST", "/api/artifacts/generate", user, "{\"project_id\":\"" + projectId + "\"}").status())
                .isEqualTo(202);
        awaitAllWritten(user, projectId);
        return projectId;
    }

    JsonNode awaitAllWritten(String user, String projectId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode list = artifacts(user, projectId);
            if (list.size() != 5) {
                return false;
            }
            for (JsonNode artifact : list) {
                if (!"idle".equals(artifact.get("generation_status").asText())) {
                    return false;
                }
            }
            return true;
        });
        return artifacts(user, projectId);
    }

    JsonNode artifacts(String user, String projectId) {
        return app.send("GET", "/api/artifacts/project/" + projectId, user, null).body();
    }

    JsonNode artifact(String user, String projectId, String type) {
        for (JsonNode artifact : artifacts(user, projectId)) {
            if (artifact.get("artifact_type").asText().equals(type)) {
                return app.send("GET", "/api/artifacts/" + artifact.get("id").asText(), user, null).body();
            }
        }
        throw new AssertionError("no " + type + " in project " + projectId);
    }

    /** Another session changing a section through the API. */
    void editThroughApi(String user, String artifactId, String section, String text) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("section_path", section).put("new_value", text);
        RunningApp.Reply edited = app.send("PATCH", "/api/artifacts/" + artifactId + "/edit", user, body.toString());
        assertThat(edited.status()).as("edit through the API: " + edited.body()).isEqualTo(200);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            app.close();
            Browser.deleteQuietly(dataDir);
        }
    }
}
