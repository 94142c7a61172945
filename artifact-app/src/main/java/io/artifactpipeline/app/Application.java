package io.artifactpipeline.app;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.cascade.GenerationWorkerPool;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.http.ArtifactHttpServer;
import io.artifactpipeline.http.observe.ServerMetrics;
import io.artifactpipeline.http.security.AuthSettings;
import io.artifactpipeline.llm.LanguageModels;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.persistence.DatabaseSettings;
import io.artifactpipeline.persistence.JpaStorage;

import java.time.Duration;

/**
 * The server: storage, model provider, core and HTTP layer wired from {@link AppSettings}. The only
 * place that knows every adapter.
 */
public final class Application implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Application.class.getName());
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration WORKER_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private final JpaStorage storage;
    private final ArtifactPipeline pipeline;
    private final ArtifactHttpServer server;
    private final AppSettings settings;

    private Application(AppSettings settings, JpaStorage storage, ArtifactPipeline pipeline, ArtifactHttpServer server) {
        this.settings = settings;
        this.storage = storage;
        this.pipeline = pipeline;
        this.server = server;
    }

    static Application start(AppSettings settings) {
        JpaStorage storage = JpaStorage.open(databaseSettings(settings));
        try {
            ModelSettings modelSettings = modelSettings(settings);
            ServerMetrics metrics = ServerMetrics.create();
            ArtifactPipeline pipeline = ArtifactPipeline.builder()
                    .store(storage)
                    .usage(storage.usageLedger())
                    .events(storage.artifactEvents())
                    .model(metrics.metered(LanguageModels.create(modelSettings), modelSettings.defaultModel()))
                    .leaseLength(settings.jobLease())
                    .build();
            pipeline.startWorkers(new GenerationWorkerPool.Settings(settings.jobConcurrency(),
                    POLL_INTERVAL, WORKER_SHUTDOWN_GRACE), metrics::generationFinished);
            ArtifactHttpServer server = ArtifactHttpServer.builder()
                    .pipeline(pipeline)
                    .auth(authSettings(settings))
                    .host(settings.httpHost())
                    .port(settings.httpPort())
                    .corsOrigins(settings.httpCorsOrigins())
                    .maxConnections(settings.httpMaxConnections())
                    .maxConcurrentRequests(settings.httpMaxConcurrentRequests())
                    .accessLog(settings.httpAccessLog())
                    .databaseCheck(storage::isAvailable)
                    .metrics(metrics)
                    .build()
                    .start();
            LOG.log(System.Logger.Level.INFO, StartupSummary.of(settings, server.port()).toString());
            return new Application(settings, storage, pipeline, server);
        } catch (RuntimeException startFailed) {
            storage.close();
            throw startFailed;
        }
    }

    public int port() {
        return server.port();
    }

    /** The core as wired here, for embedding callers and benchmarks that skip HTTP. */
    public ArtifactPipeline pipeline() {
        return pipeline;
    }

    public AppSettings settings() {
        return settings;
    }

    /** Stops accepting requests, lets those in flight finish, hands back running generations, closes the pool. */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            try {
                pipeline.close();
            } finally {
                storage.close();
                LOG.log(System.Logger.Level.INFO, "Artifact Pipeline stopped: requests drained, generations finished "
                        + "or handed back, database pool closed");
            }
        }
    }

    static DatabaseSettings databaseSettings(AppSettings settings) {
        if (settings.dbUrl().isEmpty()) {
            return DatabaseSettings.embedded(settings.dataDir());
        }
        return new DatabaseSettings(settings.dbUrl().get(), settings.dbUser().orElse(null),
                settings.dbPassword().orElse(null), settings.dbPoolSize());
    }

    static ModelSettings modelSettings(AppSettings settings) {
        ModelSettings.Builder model = ModelSettings.builder()
                .provider(settings.llmProvider())
                .timeout(settings.llmTimeout())
                .maxConcurrency(settings.llmMaxConcurrency())
                .maxOutputTokens(settings.llmMaxOutputTokens())
                .offlineLatency(settings.offlineLatency());
        settings.llmBaseUrl().ifPresent(model::baseUrl);
        settings.llmApiKey().ifPresent(model::apiKey);
        settings.llmModel().ifPresent(model::defaultModel);
        for (Tier tier : Tier.values()) {
            String perTier = settings.llmModelPerTier().get(tier);
            if (perTier != null) {
                model.model(tier, perTier);
            }
        }
        return model.build();
    }

    static AuthSettings authSettings(AppSettings settings) {
        AuthSettings auth = settings.authJwks().map(AuthSettings::jwks)
                .orElseGet(() -> AuthSettings.development(settings.dataDir()));
        auth = auth.withTierClaim(settings.authTierClaim());
        if (settings.authIssuer().isPresent()) {
            auth = auth.withIssuer(settings.authIssuer().get());
        }
        if (settings.authAudience().isPresent()) {
            auth = auth.withAudience(settings.authAudience().get());
        }
        return auth;
    }
}
