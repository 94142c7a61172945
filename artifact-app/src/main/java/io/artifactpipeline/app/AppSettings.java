package io.artifactpipeline.app;

import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.ArtifactHttpServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of CONFIG.md, read once at start-up, with its default. */
public record AppSettings(String httpHost, int httpPort, List<String> httpCorsOrigins, Path dataDir,
                   Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword, int dbPoolSize,
                   Optional<String> authJwks, Optional<String> authIssuer, Optional<String> authAudience,
                   String authTierClaim,
                   String llmProvider, Optional<String> llmBaseUrl, Optional<String> llmApiKey,
                   Optional<String> llmModel, Map<Tier, String> llmModelPerTier, Duration llmTimeout,
                   int llmMaxConcurrency, int llmMaxOutputTokens, Duration offlineLatency,
                   int jobConcurrency, Duration jobLease,
                   int httpMaxConnections, int httpMaxConcurrentRequests, boolean httpAccessLog) {

    static AppSettings load(SettingsSource source) {
        Map<Tier, String> perTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            source.get("ARTIFACT_LLM_MODEL_" + tier.name()).ifPresent(model -> perTier.put(tier, model));
        }
        AppSettings settings = new AppSettings(
                source.get("ARTIFACT_HTTP_HOST", "127.0.0.1"),
                source.getInt("ARTIFACT_HTTP_PORT", 8080),
                source.get("ARTIFACT_HTTP_CORS_ORIGINS").map(AppSettings::commaSeparated).orElse(List.of()),
                Path.of(source.get("ARTIFACT_DATA_DIR", "./data")),
                source.get("ARTIFACT_DB_URL"),
                source.get("ARTIFACT_DB_USER"),
                source.get("ARTIFACT_DB_PASSWORD"),
                source.getInt("ARTIFACT_DB_POOL_SIZE", 16),
                source.get("ARTIFACT_AUTH_JWKS"),
                source.get("ARTIFACT_AUTH_ISSUER"),
                source.get("ARTIFACT_AUTH_AUDIENCE"),
                source.get("ARTIFACT_AUTH_TIER_CLAIM", "tier"),
                source.get("ARTIFACT_LLM_PROVIDER", "offline"),
                source.get("ARTIFACT_LLM_BASE_URL"),
                source.get("ARTIFACT_LLM_API_KEY"),
                source.get("ARTIFACT_LLM_MODEL"),
                perTier,
                Duration.ofSeconds(source.getInt("ARTIFACT_LLM_TIMEOUT_SECONDS", 120)),
                source.getInt("ARTIFACT_LLM_MAX_CONCURRENCY", 16),
                source.getInt("ARTIFACT_LLM_MAX_OUTPUT_TOKENS", 8192),
                Duration.ofMillis(source.getInt("ARTIFACT_LLM_OFFLINE_LATENCY_MS", 0)),
                source.getInt("ARTIFACT_JOB_CONCURRENCY", 64),
                Duration.ofSeconds(source.getInt("ARTIFACT_JOB_LEASE_SECONDS", 30)),
                source.getInt("ARTIFACT_HTTP_MAX_CONNECTIONS", ArtifactHttpServer.DEFAULT_MAX_CONNECTIONS),
                source.getInt("ARTIFACT_HTTP_MAX_CONCURRENT_REQUESTS", ArtifactHttpServer.DEFAULT_MAX_CONCURRENT_REQUESTS),
                source.getBoolean("ARTIFACT_HTTP_ACCESS_LOG", true));
        settings.check();
        return settings;
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    boolean developmentAuth() {
        return authJwks.isEmpty();
    }

    private void check() {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("ARTIFACT_HTTP_PORT must be 0..65535");
        }
        if (llmMaxConcurrency < 1 || jobConcurrency < 1) {
            throw new IllegalArgumentException("ARTIFACT_LLM_MAX_CONCURRENCY and ARTIFACT_JOB_CONCURRENCY must be at least 1");
        }
        if (httpMaxConnections < 1 || httpMaxConcurrentRequests < 1) {
            throw new IllegalArgumentException(
                    "ARTIFACT_HTTP_MAX_CONNECTIONS and ARTIFACT_HTTP_MAX_CONCURRENT_REQUESTS must be at least 1");
        }
        if (jobLease.toSeconds() < 3) {
            throw new IllegalArgumentException("ARTIFACT_JOB_LEASE_SECONDS must be at least 3");
        }
    }

    /** Never prints the key or the database password. */
    @Override
    public String toString() {
        return "AppSettings[http=" + httpHost + ":" + httpPort + ", dataDir=" + dataDir + ", db="
                + dbUrl.map(DatabaseUrl::withoutCredentials).orElse("embedded H2") + ", auth=" + (developmentAuth() ? "development" : authJwks.get())
                + ", llm=" + llmProvider + ", jobs=" + jobConcurrency + "]";
    }
}
