package io.artifactpipeline.core;

import io.artifactpipeline.core.budget.DailyBudgets;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.cascade.GenerationEngine;
import io.artifactpipeline.core.cascade.GenerationWorker;
import io.artifactpipeline.core.cascade.GenerationWorkerPool;
import io.artifactpipeline.core.memory.InMemoryArtifactEvents;
import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.port.UsageLedger;
import io.artifactpipeline.core.usecase.AnnotateArtifact;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.DiffRevisions;
import io.artifactpipeline.core.usecase.EditArtifact;
import io.artifactpipeline.core.usecase.ExportArtifact;
import io.artifactpipeline.core.usecase.ExportProject;
import io.artifactpipeline.core.usecase.GenerationStarter;
import io.artifactpipeline.core.usecase.GetArtifact;
import io.artifactpipeline.core.usecase.GetArtifactStatus;
import io.artifactpipeline.core.usecase.GetGeneration;
import io.artifactpipeline.core.usecase.GetGenerationOverview;
import io.artifactpipeline.core.usecase.GetProject;
import io.artifactpipeline.core.usecase.GetRevision;
import io.artifactpipeline.core.usecase.ListProjectArtifacts;
import io.artifactpipeline.core.usecase.ListProjects;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.artifactpipeline.core.usecase.RegenerateArtifact;
import io.artifactpipeline.core.usecase.RestoreRevision;
import io.artifactpipeline.core.usecase.StartGeneration;
import io.artifactpipeline.core.usecase.WatchProject;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole core assembled from its driven ports: every use case, and a worker that runs queued
 * generations. Whatever port the builder is not given is the in-memory one, so
 * {@code ArtifactPipeline.builder().model(m).build()} is a complete pipeline with no database.
 */
public final class ArtifactPipeline implements AutoCloseable {
    private final CreateProject createProject;
    private final ListProjects listProjects;
    private final GetProject getProject;
    private final StartGeneration startGeneration;
    private final RegenerateArtifact regenerateArtifact;
    private final EditArtifact editArtifact;
    private final AnnotateArtifact annotateArtifact;
    private final GetArtifact getArtifact;
    private final GetArtifactStatus getArtifactStatus;
    private final ListProjectArtifacts listProjectArtifacts;
    private final GetGeneration getGeneration;
    private final ListRevisions listRevisions;
    private final GetRevision getRevision;
    private final WatchProject watchProject;
    private final RestoreRevision restoreRevision;
    private final GetGenerationOverview getGenerationOverview;
    private final ExportArtifact exportArtifact;
    private final ExportProject exportProject;
    private final DiffRevisions diffRevisions;
    private final GenerationEngine engine;
    private GenerationWorkerPool pool;

    private ArtifactPipeline(Builder b) {
        Objects.requireNonNull(b.model, "a language model is required");
        TokenBudget budget = new TokenBudget(b.usage, b.budgets, b.clock, b.estimatedTokensPerCall);
        engine = new GenerationEngine(new GenerationEngine.Ports(b.artifacts, b.queue, b.writes, b.model,
                b.events), budget, b.clock, b.workerId, b.leaseLength);
        GenerationStarter starter = new GenerationStarter(engine.queue(), budget, b.events, b.clock, b.ids,
                b.maxActiveGenerationsPerUser);
        createProject = new CreateProject(b.projects, b.clock, b.ids);
        listProjects = new ListProjects(b.projects);
        getProject = new GetProject(b.projects);
        startGeneration = new StartGeneration(b.projects, b.artifacts, starter, b.clock, b.ids);
        regenerateArtifact = new RegenerateArtifact(b.artifacts, starter, b.clock);
        editArtifact = new EditArtifact(b.artifacts, b.events, b.clock);
        annotateArtifact = new AnnotateArtifact(b.artifacts, b.events, b.clock, b.ids);
        getArtifact = new GetArtifact(b.artifacts);
        getArtifactStatus = new GetArtifactStatus(b.artifacts);
        listProjectArtifacts = new ListProjectArtifacts(b.artifacts);
        getGeneration = new GetGeneration(engine.queue());
        listRevisions = new ListRevisions(b.artifacts);
        getRevision = new GetRevision(b.artifacts);
        watchProject = new WatchProject(b.projects, b.events);
        restoreRevision = new RestoreRevision(b.artifacts, b.events, b.clock);
        getGenerationOverview = new GetGenerationOverview(b.projects, b.artifacts, engine.queue());
        exportArtifact = new ExportArtifact(b.artifacts, b.projects, b.clock);
        exportProject = new ExportProject(b.projects, b.artifacts, b.clock);
        diffRevisions = new DiffRevisions(b.artifacts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public CreateProject createProject() { return createProject; }

    public ListProjects listProjects() { return listProjects; }

    public GetProject getProject() { return getProject; }

    public StartGeneration startGeneration() { return startGeneration; }

    public RegenerateArtifact regenerateArtifact() { return regenerateArtifact; }

    public EditArtifact editArtifact() { return editArtifact; }

    public AnnotateArtifact annotateArtifact() { return annotateArtifact; }

    public GetArtifact getArtifact() { return getArtifact; }

    public GetArtifactStatus getArtifactStatus() { return getArtifactStatus; }

    public ListProjectArtifacts listProjectArtifacts() { return listProjectArtifacts; }

    public GetGeneration getGeneration() { return getGeneration; }

    public ListRevisions listRevisions() { return listRevisions; }

    public GetRevision getRevision() { return getRevision; }

    public WatchProject watchProject() { return watchProject; }

    public RestoreRevision restoreRevision() { return restoreRevision; }

    public GetGenerationOverview getGenerationOverview() { return getGenerationOverview; }
    public ExportArtifact exportArtifact() { return exportArtifact; }

    public ExportProject exportProject() { return exportProject; }

    public DiffRevisions diffRevisions() { return diffRevisions; }

    /** Runs queued generations in the caller's thread: {@code worker().drain()}. */
    public GenerationWorker worker() { return engine.worker(); }

    /**
     * Starts running queued generations in the background (virtual threads), as a server does.
     * Closing the pipeline shuts the workers down gracefully.
     */
    public GenerationWorkerPool startWorkers(GenerationWorkerPool.Settings settings) {
        return startWorkers(settings, finished -> { });
    }

    /** As {@link #startWorkers(GenerationWorkerPool.Settings)}, telling {@code onFinished} of each generation concluded here. */
    public synchronized GenerationWorkerPool startWorkers(GenerationWorkerPool.Settings settings,
                                                         Consumer<Generation> onFinished) {
        if (pool == null) {
            pool = engine.startPool(settings, onFinished);
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Assembles a pipeline; every port left unset is the in-memory one. */
    public static final class Builder {
        private final InMemoryStore memory = new InMemoryStore();
        private ProjectStore projects = memory;
        private ArtifactStore artifacts = memory;
        private GenerationQueue queue = memory;
        private LeasedWrites writes = memory;
        private UsageLedger usage = memory.usageLedger();
        private ArtifactEvents events = new InMemoryArtifactEvents();
        private LanguageModel model;
        private Clock clock = Clock.systemUTC();
        private IdSource ids = IdSource.random();
        private String workerId = "worker-" + UUID.randomUUID();
        private Duration leaseLength = Duration.ofSeconds(30);
        private long estimatedTokensPerCall = TokenBudget.DEFAULT_ESTIMATE_PER_CALL;
        private DailyBudgets budgets = DailyBudgets.defaults();
        private int maxActiveGenerationsPerUser = 3;

        private Builder() {
        }

        /** Projects, artifacts, the queue and its leased writes from one store, as a database adapter provides them. */
        public <S extends ProjectStore & ArtifactStore & GenerationQueue & LeasedWrites> Builder store(S store) {
            this.projects = store;
            this.artifacts = store;
            this.queue = store;
            this.writes = store;
            return this;
        }

        public Builder usage(UsageLedger usage) { this.usage = usage; return this; }

        public Builder events(ArtifactEvents events) { this.events = events; return this; }

        public Builder model(LanguageModel model) { this.model = model; return this; }

        public Builder clock(Clock clock) { this.clock = clock; return this; }

        public Builder ids(IdSource ids) { this.ids = ids; return this; }

        /** How this server names itself in the leases it takes; unique by default. */
        public Builder workerId(String workerId) { this.workerId = workerId; return this; }

        /** How long a claimed generation stays with this server without renewal before another may take it over. */
        public Builder leaseLength(Duration leaseLength) { this.leaseLength = leaseLength; return this; }

        /**
         * What one model call is assumed to cost: per call when a generation is checked before it starts,
         * and what is reserved before a call whose model cannot tell its worst case.
         */
        public Builder estimatedTokensPerCall(long tokens) { this.estimatedTokensPerCall = tokens; return this; }

        /** Tokens each tier may spend per user per UTC day. */
        public Builder dailyBudgets(DailyBudgets dailyBudgets) { this.budgets = dailyBudgets; return this; }

        /** Generations one user may have queued or running at once, across every server; 3 by default. */
        public Builder maxActiveGenerationsPerUser(int max) { this.maxActiveGenerationsPerUser = max; return this; }

        public ArtifactPipeline build() {
            return new ArtifactPipeline(this);
        }
    }
}
