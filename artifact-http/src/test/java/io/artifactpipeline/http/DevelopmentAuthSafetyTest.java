package io.artifactpipeline.http;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.security.DevelopmentKeys;
import io.artifactpipeline.http.security.TokenIssuer;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.http.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Development auth cannot split into two keys, and is not reachable from other machines by accident. */
class DevelopmentAuthSafetyTest {
    @TempDir
    Path root;

    @Test
    void processesCreatingTheKeyAtOnceAllEndWithTheSameKey() throws Exception {
        for (int round = 0; round < 15; round++) {
            Path fresh = root.resolve("round-" + round);
            List<String> keyIds = atOnce(8, () -> DevelopmentKeys.loadOrCreate(fresh).keyId());
            assertThat(keyIds).as("round %d", round).containsOnly(keyIds.getFirst());
        }
    }

    @Test
    void twoServersStartingOnOneFreshDataDirectoryAcceptEachOthersTokens() throws Exception {
        Path fresh = root.resolve("shared");
        AuthSettings settings = AuthSettings.development(fresh);
        List<TestServer> servers = atOnce(2, () -> TestServer.start((p, m) -> { }, ignored -> settings, s -> { }));
        try {
            String token = TokenIssuer.forDevelopment(settings).issue("dev-user", Tier.BOOTSTRAPPER, Duration.ofMinutes(5));
            for (TestServer server : servers) {
                assertThat(server.withToken(token).get("/api/projects").status()).isEqualTo(200);
            }
        } finally {
            servers.forEach(TestServer::close);
        }
    }

    @Test
    void developmentAuthIsRefusedOnANonLoopbackAddress() {
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().model(new FakeLanguageModel()).build()) {
            for (String host : List.of("0.0.0.0", "::", "192.0.2.10")) {
                assertThatThrownBy(() -> ArtifactHttpServer.builder().pipeline(pipeline)
                        .auth(AuthSettings.development(root)).host(host).port(0).build())
                        .as(host).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("ARTIFACT_AUTH_DEV_ALLOW_REMOTE").hasMessageContaining(host);
            }
            for (String host : List.of("127.0.0.1", "127.0.0.2", "localhost", "::1")) {
                assertThatCode(() -> ArtifactHttpServer.builder().pipeline(pipeline)
                        .auth(AuthSettings.development(root)).host(host).port(0).build()).as(host).doesNotThrowAnyException();
            }
            assertThatCode(() -> ArtifactHttpServer.builder().pipeline(pipeline).auth(AuthSettings.jwks(root.resolve("jwks.json")
                    .toString())).host("0.0.0.0").port(0).build()).as("real tokens on any address").doesNotThrowAnyException();
        }
    }

    @Test
    void developmentAuthListensOnAnyAddressWhenExplicitlyAllowed() {
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().model(new FakeLanguageModel()).build()) {
            ArtifactHttpServer server = ArtifactHttpServer.builder().pipeline(pipeline)
                    .auth(AuthSettings.development(root).withRemoteDevelopmentAllowed(true)).host("0.0.0.0").port(0)
                    .build().start();
            try {
                String token = TokenIssuer.forDevelopment(AuthSettings.development(root))
                        .issue("dev-user", Tier.BOOTSTRAPPER, Duration.ofMinutes(5));
                ApiClient client = new ApiClient(URI.create("http://127.0.0.1:" + server.port() + "/"), token);
                assertThat(client.get("/api/projects").status()).isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    private static <T> List<T> atOnce(int parties, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(parties)) {
            List<Future<T>> results = IntStream.range(0, parties).mapToObj(i -> threads.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            return results.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }
}
