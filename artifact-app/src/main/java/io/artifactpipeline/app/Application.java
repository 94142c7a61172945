package io.artifactpipeline.app;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.cascade.GenerationWorkerPool;
import io.artifactpipeline.http.ArtifactHttpServer;
import io.artifactpipeline.http.observe.ServerMetrics;
import io.artifactpipeline.llm.LanguageModels;
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
        JpaStorage storage = JpaStorage.open(settings.db());
        try {
            ServerMetrics metrics = ServerMetrics.create();
            ArtifactPipeline pipeline = ArtifactPipeline.builder()
                    .store(storage)
                    .usage(storage.usageLedger())
                    .events(storage.artifactEvents())
                    .model(metrics.metered(LanguageModels.create(settings.llm()), settings.llm().defaultModel()))
                    .leaseLength(settings.jobs().lease())
                    .dailyBudgets(settings.limits().dailyBudgets())
                    .maxActiveGenerationsPerUser(settings.limits().maxActiveGenerationsPerUser())
                    .build();
            ArtifactHttpServer server = ArtifactHttpServer.builder()
                    .pipeline(pipeline)
                    .auth(settings.auth())
                    .host(settings.server().host())
                    .port(settings.server().port())
                    .corsOrigins(settings.server().corsOrigins())
                    .maxConnections(settings.server().maxConnections())
                    .maxConcurrentRequests(settings.server().maxConcurrentRequests())
                    .accessLog(settings.server().accessLog())
                    .web(settings.server().web())
                    .databaseCheck(storage::isAvailable)
                    .metrics(metrics)
                    .build()
                    .start();
            // Only once the server stands: a refused start leaves no workers polling a closed database.
            pipeline.startWorkers(new GenerationWorkerPool.Settings(settings.jobs().concurrency(),
                    POLL_INTERVAL, WORKER_SHUTDOWN_GRACE), metrics::generationFinished);
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
}
