package io.artifactpipeline.http.observe;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /observe/health} (200 while the database answers, 503 when it does not) and
 * {@code /observe/metrics} (Prometheus text), as Helidon's observe feature. Neither needs a token.
 */
public final class Observability {
    public static final String ENDPOINT = "/observe";
    private static final System.Logger LOG = System.getLogger(Observability.class.getName());
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private Observability() {
    }

    public static ObserveFeature feature(DatabaseCheck database, ServerMetrics metrics) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addCheck(() -> check(database), HealthCheckType.READINESS, "database")
                .build();
        MetricsObserver prometheus = MetricsObserver.builder()
                .meterRegistry(metrics.registry())
                .build();
        return ObserveFeature.builder()
                .endpoint(ENDPOINT)
                .observersDiscoverServices(false)
                .addObserver(health)
                .addObserver(prometheus)
                .build();
    }

    /** Runs the check with a timeout: a database that hangs is as down as one that refuses. */
    private static HealthCheckResponse check(DatabaseCheck database) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("database-check").start(() -> {
            try {
                answer.complete(database.isAvailable());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        try {
            boolean up = answer.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.builder().status(up).build();
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "database check timed out after " + CHECK_TIMEOUT);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "database check failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return HealthCheckResponse.builder().status(false).build();
    }
}
