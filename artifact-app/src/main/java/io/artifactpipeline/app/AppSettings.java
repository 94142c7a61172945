package io.artifactpipeline.app;

import io.artifactpipeline.core.budget.DailyBudgets;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.ArtifactHttpServer;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.persistence.DatabaseSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Every setting of CONFIG.md, read once at start-up by section, each section as the typed settings of
 * the component it configures: the HTTP server, the database, authentication, the model, the workers.
 */
public record AppSettings(ServerSettings server, Path dataDir, DatabaseSettings db, AuthSettings auth,
                          ModelSettings llm, JobSettings jobs, LimitSettings limits) {

    /**
     * The HTTP listener: where, for which browser origins, how much at once, whether requests are logged,
     * and whether it serves the web workspace at {@code /}.
     */
    public record ServerSettings(String host, int port, List<String> corsOrigins, int maxConnections,
                                 int maxConcurrentRequests, boolean accessLog, boolean web) {
        public ServerSettings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("ARTIFACT_HTTP_PORT must be 0..65535");
            }
            if (maxConnections < 1 || maxConcurrentRequests < 1) {
                throw new IllegalArgumentException(
                        "ARTIFACT_HTTP_MAX_CONNECTIONS and ARTIFACT_HTTP_MAX_CONCURRENT_REQUESTS must be at least 1");
            }
            corsOrigins = List.copyOf(corsOrigins);
        }
    }

    /** The background workers that run generations. */
    public record JobSettings(int concurrency, Duration lease) {
        public JobSettings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("ARTIFACT_JOB_CONCURRENCY must be at least 1");
            }
            if (lease.toSeconds() < 3) {
                throw new IllegalArgumentException("ARTIFACT_JOB_LEASE_SECONDS must be at least 3");
            }
        }
    }

    /** What one user may spend and run: tokens per UTC day by tier, generations at once. */
    public record LimitSettings(DailyBudgets dailyBudgets, int maxActiveGenerationsPerUser) {
        public LimitSettings {
            if (maxActiveGenerationsPerUser < 1) {
                throw new IllegalArgumentException("ARTIFACT_MAX_ACTIVE_GENERATIONS_PER_USER must be at least 1");
            }
        }
    }

    static AppSettings load(SettingsSource source) {
        Path dataDir = Path.of(source.get("ARTIFACT_DATA_DIR", "./data"));
        return new AppSettings(server(source), dataDir, database(source, dataDir), auth(source, dataDir),
                model(source), jobs(source), limits(source));
    }

    boolean developmentAuth() {
        return auth.developmentMode();
    }

    private static ServerSettings server(SettingsSource source) {
        return new ServerSettings(source.get("ARTIFACT_HTTP_HOST", "127.0.0.1"),
                source.getInt("ARTIFACT_HTTP_PORT", 8080),
                source.get("ARTIFACT_HTTP_CORS_ORIGINS").map(AppSettings::commaSeparated).orElse(List.of()),
                source.getInt("ARTIFACT_HTTP_MAX_CONNECTIONS", ArtifactHttpServer.DEFAULT_MAX_CONNECTIONS),
                source.getInt("ARTIFACT_HTTP_MAX_CONCURRENT_REQUESTS", ArtifactHttpServer.DEFAULT_MAX_CONCURRENT_REQUESTS),
                source.getBoolean("ARTIFACT_HTTP_ACCESS_LOG", true),
                source.getBoolean("ARTIFACT_WEB", true));
    }

    private static DatabaseSettings database(SettingsSource source, Path dataDir) {
        return source.get("ARTIFACT_DB_URL")
                .map(url -> new DatabaseSettings(url, source.get("ARTIFACT_DB_USER").orElse(null),
                        source.get("ARTIFACT_DB_PASSWORD").orElse(null), source.getInt("ARTIFACT_DB_POOL_SIZE", 16)))
                .orElseGet(() -> DatabaseSettings.embedded(dataDir));
    }

    private static AuthSettings auth(SettingsSource source, Path dataDir) {
        AuthSettings auth = source.get("ARTIFACT_AUTH_JWKS").map(AuthSettings::jwks)
                .orElseGet(() -> AuthSettings.development(dataDir))
                .withTierClaim(source.get("ARTIFACT_AUTH_TIER_CLAIM", AuthSettings.DEFAULT_TIER_CLAIM))
                .withRemoteDevelopmentAllowed(source.getBoolean("ARTIFACT_AUTH_DEV_ALLOW_REMOTE", false));
        auth = source.get("ARTIFACT_AUTH_ISSUER").map(auth::withIssuer).orElse(auth);
        return source.get("ARTIFACT_AUTH_AUDIENCE").map(auth::withAudience).orElse(auth);
    }

    private static ModelSettings model(SettingsSource source) {
        int maxConcurrency = source.getInt("ARTIFACT_LLM_MAX_CONCURRENCY", ModelSettings.DEFAULT_MAX_CONCURRENCY);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("ARTIFACT_LLM_MAX_CONCURRENCY must be at least 1");
        }
        ModelSettings.Builder model = ModelSettings.builder()
                .provider(source.get("ARTIFACT_LLM_PROVIDER", "offline"))
                .timeout(Duration.ofSeconds(source.getInt("ARTIFACT_LLM_TIMEOUT_SECONDS",
                        (int) ModelSettings.DEFAULT_TIMEOUT.toSeconds())))
                .maxConcurrency(maxConcurrency)
                .maxOutputTokens(source.getInt("ARTIFACT_LLM_MAX_OUTPUT_TOKENS", ModelSettings.DEFAULT_MAX_OUTPUT_TOKENS))
                .offlineLatency(Duration.ofMillis(source.getInt("ARTIFACT_LLM_OFFLINE_LATENCY_MS", 0)))
                .idleTimeout(Duration.ofSeconds(source.getInt("ARTIFACT_LLM_IDLE_TIMEOUT_SECONDS",
                        (int) ModelSettings.DEFAULT_IDLE_TIMEOUT.toSeconds())))
                .temperature(source.getDouble("ARTIFACT_LLM_TEMPERATURE", ModelSettings.DEFAULT_TEMPERATURE));
        // Unset (or 0): the provider's own limit; a negative one is refused by ModelSettings.
        int contextTokens = source.getInt("ARTIFACT_LLM_CONTEXT_TOKENS", 0);
        if (contextTokens != 0) {
            model.contextTokens(contextTokens);
        }
        source.get("ARTIFACT_LLM_BASE_URL").ifPresent(model::baseUrl);
        source.get("ARTIFACT_LLM_API_KEY").ifPresent(model::apiKey);
        source.get("ARTIFACT_LLM_MODEL").ifPresent(model::defaultModel);
        for (Tier tier : Tier.values()) {
            source.get("ARTIFACT_LLM_MODEL_" + tier.name()).ifPresent(perTier -> model.model(tier, perTier));
        }
        return model.build();
    }

    private static JobSettings jobs(SettingsSource source) {
        return new JobSettings(source.getInt("ARTIFACT_JOB_CONCURRENCY", 64),
                Duration.ofSeconds(source.getInt("ARTIFACT_JOB_LEASE_SECONDS", 30)));
    }

    private static LimitSettings limits(SettingsSource source) {
        DailyBudgets budgets = DailyBudgets.defaults();
        for (Tier tier : Tier.values()) {
            budgets = budgets.with(tier, source.getLong("ARTIFACT_BUDGET_" + tier.name(), tier.dailyTokenBudget()));
        }
        return new LimitSettings(budgets, source.getInt("ARTIFACT_MAX_ACTIVE_GENERATIONS_PER_USER", 3));
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Never prints the key or the database password. */
    @Override
    public String toString() {
        return "AppSettings[http=" + server.host() + ":" + server.port() + ", dataDir=" + dataDir + ", db="
                + DatabaseUrl.withoutCredentials(db.jdbcUrl()) + ", auth=" + (developmentAuth() ? "development" : auth.jwksLocation())
                + ", llm=" + llm.provider().configName() + ", jobs=" + jobs.concurrency() + "]";
    }
}
