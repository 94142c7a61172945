package io.artifactpipeline.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.StoreUnavailableException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.Lease;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.ProjectPosition;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.ProjectStore;
import io.artifactpipeline.core.port.UsageLedger;
import org.hibernate.jdbc.ReturningWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store, queue and usage ports on a relational database (PostgreSQL, or H2 embedded), through
 * Hibernate. Every operation is one transaction; the database, not this JVM, enforces the rules (one
 * active generation per project, no lost update, one worker per generation), so several servers can share
 * it. Every failure reaches callers as one of the core's errors, never as a driver exception.
 *
 * <p>The two reads clients poll, an artifact and its progress, come from {@link ArtifactReadCache} while
 * the artifact's project is unchanged: a write through this store is read back at once, another server's
 * within a second.
 *
 * <pre>{@code
 * try (JpaStorage storage = JpaStorage.open(DatabaseSettings.embedded(dataDir))) {
 *     ArtifactPipeline pipeline = ArtifactPipeline.builder().store(storage).usage(storage.usageLedger())
 *             .events(storage.artifactEvents())...
 * }
 * }</pre>
 */
public final class JpaStorage implements ProjectStore, ArtifactStore, GenerationQueue, LeasedWrites, AutoCloseable {
    private final Database database;
    private final JpaUsageLedger usage;
    private final ArtifactReadCache reads;
    private DatabaseArtifactEvents events;

    private JpaStorage(Database database, ArtifactReadCache reads) {
        this.database = database;
        this.usage = new JpaUsageLedger(database);
        this.reads = reads;
    }

    /**
     * Connects, migrates the schema to this build's version and checks the mapping against it.
     *
     * @throws StoreUnavailableException   if the database cannot be reached
     * @throws IncompatibleSchemaException if a newer release has migrated the database, or its schema is not
     *                                     what this build expects
     */
    public static JpaStorage open(DatabaseSettings settings) {
        return new JpaStorage(Database.open(settings, false), new ArtifactReadCache());
    }

    /** For tests that count statements. */
    static JpaStorage openWithStatistics(DatabaseSettings settings) {
        return new JpaStorage(Database.open(settings, true), new ArtifactReadCache());
    }

    /** For tests of the read cache: its entries age only as {@code ticker} says. */
    static JpaStorage openWithReadCacheTicker(DatabaseSettings settings, Ticker ticker) {
        return new JpaStorage(Database.open(settings, false), new ArtifactReadCache(ticker));
    }

    /** Tokens spent per user and day, in the same database; the worker writes settle calls in it. */
    @Override
    public UsageLedger usageLedger() {
        return usage;
    }

    /**
     * The live feed of artifact changes through this database, so that a change made on one server
     * reaches subscribers on all of them (within a poll interval, about 150 ms). Its poller starts on
     * first use and stops with {@link #close()}; while it runs, it also tells this store's read cache of
     * other servers' changes sooner than the cache's own one-second limit would.
     */
    public synchronized ArtifactEvents artifactEvents() {
        if (events == null) {
            events = new DatabaseArtifactEvents(database, Clock.systemUTC(), reads::changed);
        }
        return events;
    }

    /** Whether the database answers right now; for health checks. */
    public boolean isAvailable() {
        try {
            return database.transaction(session ->
                    session.createNativeQuery("select 1", Integer.class).getSingleResult()) == 1;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (events != null) {
                events.close();
            }
        }
        database.close();
    }

    // --- projects

    @Override
    public Project create(Project project) {
        return database.transaction(session -> ProjectRepository.create(session, project));
    }

    @Override
    public Optional<Project> findProject(UserId owner, ProjectId id) {
        return database.plainRead(connection -> ProjectRows.find(connection, owner, id));
    }

    @Override
    public Page<Project, ProjectPosition> page(UserId owner, PageRequest<ProjectPosition> request) {
        return database.read(session -> ProjectRepository.page(session, owner, request));
    }

    @Override
    public int countProjects(UserId owner) {
        return database.read(session -> ProjectRepository.count(session, owner));
    }

    // --- artifacts

    /** Served from the read cache while the artifact's project is unchanged (see {@link ArtifactReadCache}). */
    @Override
    public Optional<Artifact> findArtifact(UserId owner, ArtifactId id) {
        return reads.artifact(owner, id, () -> database.plainRead(connection -> ArtifactRows.find(connection, owner, id))
                .map(artifact -> new ArtifactReadCache.Found<>(owner, artifact.projectId(), artifact)));
    }

    /** Served from the read cache while the artifact's project is unchanged (see {@link ArtifactReadCache}). */
    @Override
    public Optional<ArtifactProgress> findProgress(UserId owner, ArtifactId id) {
        return reads.progress(owner, id, () -> database.plainRead(connection ->
                ArtifactRows.progress(connection, owner, id)));
    }

    @Override
    public List<Artifact> listByProject(UserId owner, ProjectId projectId) {
        return database.plainRead(connection -> ArtifactRows.listByProject(connection, owner, projectId));
    }

    @Override
    public Artifact saveEdit(Artifact edited, long expectedRowVersion, Revision revision) {
        return changing(edited.projectId(), () -> database.transaction(session ->
                ArtifactRepository.saveFounderChange(session, edited, expectedRowVersion, revision)));
    }

    @Override
    public Artifact saveRestore(Artifact restored, long expectedRowVersion, Revision revision) {
        return changing(restored.projectId(), () -> database.transaction(session ->
                ArtifactRepository.saveFounderChange(session, restored, expectedRowVersion, revision)));
    }

    @Override
    public Artifact addAnnotation(UserId owner, ArtifactId id, Annotation annotation) {
        Artifact annotated = database.transaction(session -> ArtifactRepository.addAnnotation(session, owner, id, annotation));
        reads.changed(annotated.projectId()); // a refused note changed nothing
        return annotated;
    }

    /**
     * Runs a write to the project's artifacts, then tells the read cache, whether the write committed or
     * failed: a failure may still have committed (a lost connection during commit), and an extra read costs
     * nothing worth the doubt.
     */
    private <T> T changing(ProjectId project, Supplier<T> write) {
        try {
            return write.get();
        } finally {
            reads.changed(project);
        }
    }

    @Override
    public Page<RevisionSummary, Integer> revisionPage(UserId owner, ArtifactId id, PageRequest<Integer> request) {
        return database.read(session -> ArtifactRepository.revisionPage(session, owner, id, request));
    }

    @Override
    public Optional<Revision> revision(UserId owner, ArtifactId id, int number) {
        return database.read(session -> ArtifactRepository.revision(session, owner, id, number));
    }

    // --- generation queue

    @Override
    public Generation enqueue(Generation generation, List<Artifact> markedGenerating, int maxActivePerOwner) {
        try {
            return changing(generation.projectId(), () ->
                    enqueueInFreeSlot(generation, markedGenerating, maxActivePerOwner));
        } catch (GenerationConflictException e) {
            if (e.activeGeneration() != null) {
                throw e;
            }
            // The constraint said "busy" but not with what; it may have finished meanwhile, hence Optional.
            GenerationId active = database.transaction(session ->
                    GenerationRepository.activeId(session, generation.projectId())).orElse(null);
            throw new GenerationConflictException(active);
        }
    }

    /** A concurrent start of the same owner may take the slot chosen here first; then the next free one is tried. */
    private Generation enqueueInFreeSlot(Generation generation, List<Artifact> markedGenerating, int maxActivePerOwner) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.transaction(session ->
                        GenerationRepository.enqueue(session, database.vendor(), generation, markedGenerating,
                                maxActivePerOwner));
            } catch (StoreUnavailableException e) {
                if (attempt > maxActivePerOwner || !StoreErrors.isOwnerSlotTaken(e.getCause())) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Generation> findGeneration(UserId owner, GenerationId id) {
        return database.read(session -> GenerationRepository.find(session, owner, id));
    }

    @Override
    public Optional<Generation> findActiveGeneration(UserId owner, ProjectId projectId) {
        return database.plainRead(connection -> GenerationRows.findActive(connection, owner, projectId));
    }

    @Override
    public Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength) {
        return database.transaction(session -> session.doReturningWork(connection ->
                GenerationRepository.claimNext(connection, workerId, leaseLength)));
    }

    @Override
    public Lease renew(Lease lease, Instant now, Duration leaseLength) {
        return database.transaction(session -> session.doReturningWork(connection ->
                FencedWrites.renew(connection, lease, leaseLength)));
    }

    @Override
    public Artifact recordWritten(Lease lease, Artifact written, Revision revision, List<UsageSettlement> calls,
                                  Instant now) {
        return changing(written.projectId(), () -> settlingWith(calls, connection ->
                FencedWrites.recordWritten(connection, database.vendor(), lease, written, revision)));
    }

    @Override
    public Artifact recordFailed(Lease lease, Artifact failed, List<UsageSettlement> calls, Instant now) {
        return changing(failed.projectId(), () -> settlingWith(calls, connection ->
                FencedWrites.recordFailed(connection, database.vendor(), lease, failed)));
    }

    /**
     * The calls' settlement and the write in one transaction, the usual case. A refused write (a lost lease,
     * a deleted artifact, a failure) rolls both back; the calls were billed all the same, so they are then
     * settled in a transaction of their own.
     */
    private Artifact settlingWith(List<UsageSettlement> calls, ReturningWork<Artifact> write) {
        try {
            return database.transaction(session -> session.doReturningWork(connection -> {
                JpaUsageLedger.settle(connection, calls);
                return write.execute(connection);
            }));
        } catch (RuntimeException refused) {
            if (!calls.isEmpty()) {
                try {
                    usage.settle(calls);
                } catch (RuntimeException alsoFailed) {
                    refused.addSuppressed(alsoFailed);
                }
            }
            throw refused;
        }
    }

    @Override
    public Generation finish(Lease lease, Instant now) {
        return database.transaction(session -> session.doReturningWork(connection ->
                FencedWrites.finish(connection, lease)));
    }

    @Override
    public void release(Lease lease) {
        database.transaction(session -> {
            FencedWrites.release(session, lease);
            return null;
        });
    }
}
