package io.artifactpipeline.http;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.http.observe.DatabaseCheck;
import io.artifactpipeline.http.observe.Observability;
import io.artifactpipeline.http.observe.ServerMetrics;
import io.artifactpipeline.http.security.ApiSecurity;
import io.artifactpipeline.http.security.AuthSettings;
import io.helidon.http.DirectHandler;
import io.helidon.metrics.api.Gauge;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The HTTP adapter: the API of API.md over an {@link ArtifactPipeline}, JWT authentication, and
 * {@code /observe}. {@code ArtifactHttpServer.builder().pipeline(p).auth(settings).build().start()}.
 */
public final class ArtifactHttpServer {
    public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 2_048;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 1_024;
    /**
     * How much of a body over the limit is read and thrown away after the 413 (what Tomcat calls its
     * swallow size). A server that closes the connection while the client is still sending makes the
     * client's TCP stack reset it, and the client then sees a broken pipe or a connection closed before
     * any response instead of the 413; reading the rest keeps the connection whole.
     */
    static final long DISCARD_ALLOWANCE = 2L << 20;
    private static final System.Logger LOG = System.getLogger(ArtifactHttpServer.class.getName());

    private final WebServer server;
    private final ApiSecurity security;
    private final ArtifactEventStreams events;
    private final ServerMetrics metrics;

    private ArtifactHttpServer(Builder b) {
        Objects.requireNonNull(b.pipeline, "a pipeline is required");
        security = b.security != null ? b.security
                : ApiSecurity.create(Objects.requireNonNull(b.auth, "auth settings are required"));
        security.requireSafeBindAddress(b.host);
        metrics = b.metrics;
        events = new ArtifactEventStreams(b.pipeline.watchProject(), b.heartbeat, b.clock);
        metrics.registry().getOrCreate(Gauge.builder("http.sse.streams",
                events, streams -> (double) streams.openStreams()).description("Open server-sent event streams"));
        Json json = new Json(b.maxBodyBytes);
        DirectHandler problems = new ProblemDirectHandler();
        server = WebServer.builder()
                .host(b.host)
                .port(b.port)
                // Helidon's own limit only refuses what is too large to read and discard after our 413; its
                // refusal comes before the body is read and closes the connection, which a client still
                // sending may never see (unless it asked with Expect: 100-continue).
                .maxPayloadSize(b.maxBodyBytes > Long.MAX_VALUE - DISCARD_ALLOWANCE ? -1 : b.maxBodyBytes + DISCARD_ALLOWANCE)
                // Beyond these, new connections wait in the accept backlog and requests get a 503 problem.
                .maxTcpConnections(b.maxConnections)
                .maxConcurrentRequests(b.maxConcurrentRequests)
                .shutdownGracePeriod(b.shutdownGracePeriod)
                .directHandlers(handlers -> {
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, problems);
                    }
                })
                .addFeature(Observability.feature(b.databaseCheck, metrics))
                .routing(routing -> {
                    routing.addFilter(new RequestLogFilter(b.accessLog)); // first: every log line of a request carries its id
                    if (!b.corsOrigins.isEmpty()) {
                        routing.addFilter(new CorsFilter(b.corsOrigins)); // before authentication: preflights carry no token
                    }
                    routing(routing, b.pipeline, security, json, events, metrics, PublicRoutes.of(b.auth, b.web, json));
                })
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The API's routes on {@code routing}: filters (metrics, then authentication), one service per
     * resource, each given only the use cases it calls, and the one error mapping.
     */
    static void routing(HttpRouting.Builder routing, ArtifactPipeline pipeline, ApiSecurity security, Json json,
                        ArtifactEventStreams events, ServerMetrics metrics, PublicRoutes publicRoutes) {
        routing.addFilter(new RequestMetricsFilter(metrics))
                .addFilter(new AuthenticationFilter(security, publicRoutes::isPublic))
                .register(ProjectsService.PATH, new ProjectsService(pipeline.createProject(), pipeline.listProjects(),
                        pipeline.getProject(), json))
                // Literal paths first: "/generate" and ".../events" must not be taken for an artifact id.
                .register(ArtifactsService.PATH, new GenerateService(pipeline.startGeneration(),
                        pipeline.regenerateArtifact(), new RegenerationWait(pipeline.watchProject(), pipeline.getArtifact()),
                        json))
                .register(ArtifactsService.PATH, rules -> rules.get("/project/{project_id}/events", events::stream)
                        .any("/project/{project_id}/events", Routes.allow("GET")))
                .register(ArtifactsService.PATH, new GenerationStatusService(pipeline.getGenerationOverview()))
                .register(ArtifactsService.PATH, new ArtifactsService(pipeline.getArtifact(),
                        pipeline.getArtifactStatus(), pipeline.listProjectArtifacts(), pipeline.editArtifact(),
                        pipeline.annotateArtifact(), json))
                .register(ArtifactsService.PATH, new HistoryService(pipeline.listRevisions(), pipeline.getRevision(),
                        pipeline.diffRevisions(), pipeline.restoreRevision(), pipeline.getArtifact()))
                .register(ArtifactsService.PATH, new ExportService(pipeline.exportArtifact(), pipeline.exportProject()))
                .register(ApiDescriptionService.PATH, new ApiDescriptionService())
                .register(GenerationsService.PATH, new GenerationsService(pipeline.getGeneration()))
                .error(Exception.class, new ProblemMapping());
        publicRoutes.register(routing); // last: the workspace's files answer only what no API route does
    }

    /** Starts listening; with port 0 the chosen port is logged and given by {@link #port()}. */
    public ArtifactHttpServer start() {
        server.start();
        LOG.log(Level.INFO, "Artifact Pipeline HTTP API listening on port {0}", String.valueOf(server.port()));
        return this;
    }

    public int port() {
        return server.port();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully: event streams are ended (they would otherwise never finish), the listener stops
     * accepting, and requests in flight get the shutdown grace period to complete.
     */
    public void stop() {
        events.closeAll();
        server.stop();
        security.close();
    }

    int openEventStreams() {
        return events.openStreams();
    }

    /** Configures the server; only the pipeline and the auth settings are required. */
    public static final class Builder {
        private ArtifactPipeline pipeline;
        private AuthSettings auth;
        private ApiSecurity security;
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private DatabaseCheck databaseCheck = DatabaseCheck.NONE;
        private ServerMetrics metrics;
        private Duration heartbeat = Duration.ofSeconds(15);
        private Duration shutdownGracePeriod = Duration.ofSeconds(10);
        private Set<String> corsOrigins = Set.of();
        private Clock clock = Clock.systemUTC();
        private boolean accessLog = true;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private boolean web = true;

        private Builder() {
        }

        public Builder pipeline(ArtifactPipeline pipeline) { this.pipeline = pipeline; return this; }

        /**
         * How tokens are verified: a JWKS, or development keys in the data directory. In development auth
         * it also enables {@code POST /dev/token} (even when {@link #security} overrides verification).
         */
        public Builder auth(AuthSettings settings) { this.auth = settings; return this; }

        /** An already built security setup, e.g. with a test clock; wins over {@link #auth}. */
        public Builder security(ApiSecurity apiSecurity) { this.security = apiSecurity; return this; }

        public Builder host(String bindHost) { this.host = bindHost; return this; }

        /** 0 means any free port. */
        public Builder port(int bindPort) { this.port = bindPort; return this; }

        /** Largest accepted request body; larger ones get 413. Default 1 MiB. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the body limit must be positive");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** What {@code /observe/health} asks; without one, health reports up. */
        public Builder databaseCheck(DatabaseCheck check) { this.databaseCheck = check; return this; }

        /** Where meters go; defaults to {@link ServerMetrics#create()} (Helidon's global registry). */
        public Builder metrics(ServerMetrics serverMetrics) { this.metrics = serverMetrics; return this; }

        /** How often an idle event stream gets a comment so proxies keep it open. Default 15 s. */
        public Builder heartbeat(Duration interval) { this.heartbeat = interval; return this; }

        /**
         * Origins a browser client may call the API from (exact, e.g. {@code https://app.example.com}, or
         * {@code *}); none by default, which sends no CORS headers at all.
         */
        public Builder corsOrigins(Collection<String> origins) {
            this.corsOrigins = Set.copyOf(origins);
            return this;
        }

        /** One log line per request (logger {@code io.artifactpipeline.http.access}). Default on. */
        public Builder accessLog(boolean enabled) { this.accessLog = enabled; return this; }

        /** Connections open at once; more wait to be accepted. Default {@value #DEFAULT_MAX_CONNECTIONS}. */
        public Builder maxConnections(int connections) {
            this.maxConnections = positive(connections, "the connection limit");
            return this;
        }

        /**
         * Requests in flight at once, event streams included; more get a 503 problem. Default
         * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}.
         */
        public Builder maxConcurrentRequests(int requests) {
            this.maxConcurrentRequests = positive(requests, "the concurrent-request limit");
            return this;
        }

        /** What an event stream judges its token's expiry by; the clock the tokens are checked against. */
        public Builder clock(Clock tokenClock) { this.clock = Objects.requireNonNull(tokenClock, "clock"); return this; }

        /** Whether to serve the web workspace at {@code /} (WEB.md). Default true. */
        public Builder web(boolean serveWorkspace) { this.web = serveWorkspace; return this; }

        /** How long {@link #stop()} lets requests in flight finish. Default 10 s. */
        public Builder shutdownGracePeriod(Duration period) { this.shutdownGracePeriod = period; return this; }

        private static int positive(int value, String what) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be at least 1");
            }
            return value;
        }

        public ArtifactHttpServer build() {
            if (metrics == null) {
                metrics = ServerMetrics.create();
            }
            return new ArtifactHttpServer(this);
        }
    }
}
