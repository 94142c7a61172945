package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.security.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The whole application on a free port, and a client that speaks to it with real signed tokens. */
final class RunningApp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Application application;
    private final HttpClient client = HttpClient.newHttpClient();
    private final TokenIssuer tokens;

    RunningApp(Path dataDir, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("ARTIFACT_DATA_DIR", dataDir.toString());
        environment.put("ARTIFACT_HTTP_PORT", "0");
        environment.put("ARTIFACT_CONFIG", dataDir.resolve("no-such.yaml").toString());
        AppSettings settings = AppSettings.load(SettingsSource.of(environment));
        application = Application.start(settings);
        tokens = TokenIssuer.forDevelopment(AuthSettings.development(dataDir));
    }

    String token(String user) {
        return token(user, Tier.BOOTSTRAPPER);
    }

    String token(String user, Tier tier) {
        return tokens.issue(user, tier, Duration.ofMinutes(10));
    }

    /** Where the web workspace is: {@code http://127.0.0.1:<port>/}. */
    String base() {
        return "http://127.0.0.1:" + application.port() + "/";
    }

    Reply send(String method, String path, String user, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode body, String etag) {
    }

    @Override
    public void close() {
        application.close();
    }
}
