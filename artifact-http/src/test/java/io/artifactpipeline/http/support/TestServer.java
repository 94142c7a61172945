package io.artifactpipeline.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.testing.MutableClock;
import io.artifactpipeline.http.ArtifactHttpServer;
import io.artifactpipeline.http.observe.DatabaseCheck;
import io.artifactpipeline.http.security.ApiSecurity;
import io.artifactpipeline.http.security.AuthSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real server on a free port around an in-memory pipeline, with a JWKS file of one RSA and one EC
 * key, a clock tests can move, and a background loop that runs queued generations (what the app's
 * worker does in production).
 */
public final class TestServer implements AutoCloseable {
    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "artifact-pipeline-test";

    public final FakeLanguageModel model = new FakeLanguageModel();
    public final MutableClock clock = new MutableClock();
    public final TestKeys.SigningKey rsaKey = TestKeys.rsa("rsa-1");
    public final TestKeys.SigningKey ecKey = TestKeys.ec("ec-1");
    public final Path directory;
    public final Path jwksFile;
    public final ArtifactPipeline pipeline;
    public final ArtifactHttpServer server;
    private final Thread worker;
    private volatile boolean running = true;

    private TestServer(BiConsumer<ArtifactPipeline.Builder, FakeLanguageModel> pipelineSetup, UnaryOperator<AuthSettings> authSetup,
                       Consumer<ArtifactHttpServer.Builder> serverSetup) {
        try {
            directory = Files.createTempDirectory("artifact-http-test");
            jwksFile = directory.resolve("jwks.json");
            TestKeys.writeJwks(jwksFile, List.of(rsaKey, ecKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArtifactPipeline.Builder builder = ArtifactPipeline.builder().model(model);
        pipelineSetup.accept(builder, model);
        pipeline = builder.build();
        AuthSettings auth = authSetup.apply(AuthSettings.jwks(jwksFile.toString()));
        ArtifactHttpServer.Builder server = ArtifactHttpServer.builder()
                .pipeline(pipeline)
                .security(ApiSecurity.create(auth, clock, Duration.ofMinutes(1)))
                .clock(clock)
                .port(0)
                .databaseCheck(DatabaseCheck.NONE);
        serverSetup.accept(server);
        this.server = server.build().start();
        worker = Thread.ofVirtual().name("test-generation-worker").start(this::runGenerations);
    }

    private static TestServer shared;

    /**
     * The default server, started once and shared by every test class that asks nothing special of it
     * (each uses users of its own, so their data never meet); it stops when the tests' JVM ends.
     */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "shared-test-server"));
        }
        return shared;
    }

    public static TestServer start() {
        return start((b, m) -> { }, a -> a.withIssuer(ISSUER).withAudience(AUDIENCE), s -> { });
    }

    public static TestServer start(BiConsumer<ArtifactPipeline.Builder, FakeLanguageModel> pipelineSetup,
                                   UnaryOperator<AuthSettings> authSetup,
                                   Consumer<ArtifactHttpServer.Builder> serverSetup) {
        return new TestServer(pipelineSetup, authSetup, serverSetup);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** A caller with a valid RS256 token for {@code user} at the default tier. */
    public ApiClient as(String user) {
        return new ApiClient(base(), token(user, Tier.BOOTSTRAPPER));
    }

    public ApiClient as(String user, Tier tier) {
        return new ApiClient(base(), token(user, tier));
    }

    public ApiClient anonymous() {
        return new ApiClient(base(), null);
    }

    public ApiClient withToken(String token) {
        return new ApiClient(base(), token);
    }

    public String token(String user, Tier tier) {
        return TestKeys.sign(rsaKey, TestKeys.header(rsaKey), claims(user, tier));
    }

    /** Valid claims for this server: sub, tier, iss, aud, and an hour of validity by the server's clock. */
    public ObjectNode claims(String user, Tier tier) {
        long now = clock.instant().getEpochSecond();
        return JsonNodeFactory.instance.objectNode().put("sub", user).put("tier", tier.wireName())
                .put("iss", ISSUER).put("aud", AUDIENCE).put("iat", now).put("exp", now + 3600);
    }

    /** Creates a project for the caller and returns its id. */
    public static String createProject(ApiClient client) {
        ApiClient.Response created = client.post("/api/projects",
                "{\"idea\":\"A planning tool for first-time founders\",\"answers\":{\"Who is it for?\":\"Founders\"}}");
        if (created.status() != 201) {
            throw new AssertionError("project not created: " + created.status() + " " + created.body());
        }
        return created.json().get("id").asText();
    }

    /** Generates all five artifacts of a new project and waits until they are written. */
    public static JsonNode generateAll(ApiClient client, String projectId) {
        ApiClient.Response started = client.post("/api/artifacts/generate", "{\"project_id\":\"" + projectId + "\"}");
        if (started.status() != 202) {
            throw new AssertionError("generation not started: " + started.status() + " " + started.body());
        }
        return awaitAllWritten(client, projectId);
    }

    /** Waits until the project has five artifacts, none of them generating or failed, and returns them. */
    public static JsonNode awaitAllWritten(ApiClient client, String projectId) {
        Eventually.await("all five artifacts written", () -> {
            JsonNode list = client.get("/api/artifacts/project/" + projectId).json();
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
        return client.get("/api/artifacts/project/" + projectId).json();
    }

    private void runGenerations() {
        while (running) {
            try {
                pipeline.worker().drain();
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        model.release();
        worker.interrupt();
        server.stop();
        pipeline.close();
    }
}
