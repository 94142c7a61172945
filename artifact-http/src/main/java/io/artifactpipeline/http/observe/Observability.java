package io.artifactpipeline.http.observe;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.time.Duration;

/**
 * {@code /observe/health} (200 while the database answers, 503 when it does not) and
 * {@code /observe/metrics} (Prometheus text), as Helidon's observe feature. Neither needs a token, so
 * health answers from {@link DatabaseHealth}: at most one database check a second, whatever the traffic.
 */
public final class Observability {
    public static final String ENDPOINT = "/observe";
    /** How long one database check's answer serves every health request. */
    public static final Duration HEALTH_REUSE = Duration.ofSeconds(1);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private Observability() {
    }

    public static ObserveFeature feature(DatabaseCheck database, ServerMetrics metrics) {
        DatabaseHealth databaseHealth = new DatabaseHealth(database, HEALTH_REUSE, CHECK_TIMEOUT);
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addCheck(() -> HealthCheckResponse.builder().status(databaseHealth.isUp()).build(),
                        HealthCheckType.READINESS, "database")
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
}
