package io.artifactpipeline.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the server writes to its log: one formatted line per record, a short start, no credentials. */
class LoggingTest {
    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (ERROR|WARN |INFO |DEBUG|TRACE) \\S+ \\[[^]\\s]+] .*";

    @TempDir
    Path dataDir;

    @Test
    void theServerLogsOneLinePerRecordAShortStartNoCredentialsAndRequestIds() throws Exception {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        Level rootLevel = root.getLevel();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Handler captured = LogSetup.configure(out);
        try (ThrowawayPostgres database = ThrowawayPostgres.createOrSkip();
             RunningApp app = new RunningApp(dataDir, Map.of(
                     "ARTIFACT_DB_URL", database.url() + "?user=" + ThrowawayPostgres.USER + "&password=s3cret-pw"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.application.port() + "/api/projects"))
                    .header("Authorization", "Bearer " + app.token("founder-log"))
                    .header("X-Request-Id", "e2e-log-7").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Request-Id")).hasValue("e2e-log-7");
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8)
                    .contains("io.artifactpipeline.http.access [e2e-log-7] GET /api/projects 200 "));

            String log = out.toString(StandardCharsets.UTF_8);
            List<String> lines = log.lines().toList();
            assertThat(lines).allSatisfy(line -> assertThat(line).matches(LINE));
            assertThat(log).contains("Artifact Pipeline started on http://127.0.0.1:" + app.application.port())
                    .contains("database PostgreSQL " + database.url() + ";")
                    .contains("model offline")
                    .contains("auth development keys in")
                    .contains("web on; access log on")
                    .doesNotContain("s3cret-pw");
            assertThat(lines).as("libraries' start-up narration").noneMatch(line ->
                    line.matches("\\S+ INFO  (org\\.hibernate|org\\.flywaydb|com\\.zaxxer|io\\.helidon)\\S* .*"));
            assertThat(lines.size()).as("a short start:%n%s", log).isLessThan(15);
        } finally {
            root.removeHandler(captured);
            for (Handler handler : before) {
                root.addHandler(handler);
            }
            root.setLevel(rootLevel);
            LogSetup.QUIET_LIBRARIES.forEach(name -> Logger.getLogger(name).setLevel(null));
        }
    }
}
