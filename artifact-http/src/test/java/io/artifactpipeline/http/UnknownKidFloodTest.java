package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.observe.ServerMetrics;
import io.artifactpipeline.http.security.ApiSecurity;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.http.support.ApiClient;
import io.artifactpipeline.http.support.Eventually;
import io.artifactpipeline.core.testing.MutableClock;
import io.artifactpipeline.http.support.SlowJwksServer;
import io.artifactpipeline.http.support.TestKeys;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens with made-up kids, many at once, while the identity provider's JWKS endpoint stalls: requests
 * with valid tokens must not wait for the fetch those kids cause. Valid requests are timed inside the
 * server (a filter around the whole handling), so that the load of this very test on the client side of a
 * busy two-core machine does not count; the client-side figure is printed beside it. The flooding clients
 * run on platform threads so that they do not queue in front of the server's virtual threads.
 */
class UnknownKidFloodTest {
    private static final int ROUNDS = 3;
    private static final int VALID_PER_ROUND = 200;
    private static final int FLOODERS = 8;
    /** Between two requests of one flooder: enough to leave the CPU to the server now and then, not to idle. */
    private static final Duration FLOOD_PACE = Duration.ofMillis(4);
    private static final String PROBE = "X-Test-Probe";

    private final MutableClock clock = new MutableClock();
    private final TestKeys.SigningKey key = TestKeys.rsa("idp-key-1");
    private final Queue<Long> serverNanos = new ConcurrentLinkedQueue<>();

    @Test
    void aFloodOfUnknownKidsAgainstAStalledJwksDoesNotDelayValidTokens() throws Exception {
        try (SlowJwksServer jwks = new SlowJwksServer(List.of(key));
             ArtifactPipeline pipeline = ArtifactPipeline.builder().model(new FakeLanguageModel()).build()) {
            ApiSecurity security = ApiSecurity.create(AuthSettings.jwks(jwks.url()).withIssuer("idp").withAudience("app"),
                    clock, Duration.ofMinutes(1));
            WebServer server = WebServer.builder().host("127.0.0.1").port(0).routing(routing -> {
                routing.addFilter((chain, request, response) -> {
                    boolean probe = request.headers().contains(HeaderNames.create(PROBE));
                    long start = System.nanoTime();
                    try {
                        chain.proceed();
                    } finally {
                        if (probe) {
                            serverNanos.add(System.nanoTime() - start);
                        }
                    }
                });
                Json json = new Json(ArtifactHttpServer.DEFAULT_MAX_BODY_BYTES);
                ArtifactHttpServer.routing(routing, pipeline, security, json,
                        new ArtifactEventStreams(pipeline.watchProject(), Duration.ofSeconds(15), Clock.systemUTC()), ServerMetrics.create(),
                        PublicRoutes.of(null, false, json));
            }).build().start();
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            try {
                warmUp(base);
                jwks.stall();
                AtomicBoolean flooding = new AtomicBoolean(true);
                AtomicInteger refused = new AtomicInteger();
                AtomicInteger wrong = new AtomicInteger();
                List<Thread> flood = IntStream.range(0, FLOODERS)
                        .mapToObj(i -> Thread.ofPlatform().daemon().start(() -> flood(base, i, flooding, refused, wrong))).toList();
                List<Long> clientNanos = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    int expectedFetches = round;
                    clock.advance(Duration.ofSeconds(61)); // the next unknown kid may look again...
                    Eventually.await("a JWKS fetch stalls", Duration.ofSeconds(30),
                            () -> jwks.stalledFetches() >= expectedFetches); // ...and does, and hangs
                    clientNanos.addAll(timeValidRequests(base, round));
                    Eventually.await("the stalled fetch is given up", Duration.ofSeconds(30),
                            () -> jwks.abandonedFetches() >= expectedFetches);
                }
                flooding.set(false);
                for (Thread flooder : flood) {
                    flooder.join();
                }
                long serverP99 = p99(List.copyOf(serverNanos));
                System.out.printf("valid requests during the flood: server-side p99 %.1f ms, client-side p99 %.1f ms; "
                                + "%d unknown-kid requests refused; %d JWKS fetches%n", serverP99 / 1e6,
                        p99(clientNanos) / 1e6, refused.get(), jwks.stalledFetches());
                assertThat(wrong.get()).as("unknown kids answered other than 401").isZero();
                assertThat(refused.get()).as("the flood really ran").isGreaterThan(ROUNDS * VALID_PER_ROUND);
                assertThat(jwks.stalledFetches()).as("one fetch per minute, however many unknown kids").isEqualTo(ROUNDS);
                assertThat(serverP99).as("server-side p99 of valid requests, ns").isLessThan(Duration.ofMillis(50).toNanos());
            } finally {
                server.stop();
                security.close();
            }
        }
    }

    private void warmUp(URI base) {
        for (int i = 0; i < 400; i++) {
            assertThat(new ApiClient(base, validToken(i)).get("/api/projects").status()).isEqualTo(200);
            assertThat(new ApiClient(base, unknownKidToken(i)).get("/api/projects").status()).isEqualTo(401);
        }
    }

    /** Each request carries a token not seen before, so that each is verified in full, not remembered. */
    private List<Long> timeValidRequests(URI base, int round) {
        List<String> tokens = IntStream.range(0, VALID_PER_ROUND).mapToObj(i -> validToken(1000 + i)).toList();
        List<Long> took = new ArrayList<>();
        for (String token : tokens) {
            long start = System.nanoTime();
            ApiClient.Response response = new ApiClient(base, token).get("/api/projects", PROBE, "1");
            took.add(System.nanoTime() - start);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        Eventually.await("every probe timed", () -> serverNanos.size() >= round * VALID_PER_ROUND);
        return took;
    }

    private void flood(URI base, int flooder, AtomicBoolean flooding, AtomicInteger refused, AtomicInteger wrong) {
        int sent = 0;
        while (flooding.get()) {
            int status = new ApiClient(base, unknownKidToken(flooder * 1_000_000 + sent++)).get("/api/projects").status();
            (status == 401 ? refused : wrong).incrementAndGet();
            java.util.concurrent.locks.LockSupport.parkNanos(FLOOD_PACE.toNanos());
        }
    }

    private String validToken(int n) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("sub", "user-" + (n % 7)).put("tier", Tier.BOOTSTRAPPER.wireName()).put("iss", "idp").put("aud", "app")
                .put("jti", "valid-" + n + "-" + now).put("iat", now).put("exp", now + 3600);
        return TestKeys.sign(key, TestKeys.header(key), claims);
    }

    /** A well-formed token whose kid no key set has: the cheapest thing for a stranger to send. */
    private String unknownKidToken(int n) {
        String header = TestKeys.b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"made-up-" + n + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + ".eyJzdWIiOiJldmUifQ.c2lnbmF0dXJl";
    }

    private static long p99(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
