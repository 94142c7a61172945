package io.artifactpipeline.core.memory;

import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.error.TooManyActiveGenerationsException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationState;
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
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.UsageLedger;
import io.artifactpipeline.core.port.ProjectStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects, artifacts, history and the generation queue in memory, for embedding and tests. One lock
 * guards everything, which makes every port operation atomic, as a database transaction would.
 */
public final class InMemoryStore implements ProjectStore, ArtifactStore, GenerationQueue, LeasedWrites {
    private final Map<ProjectId, Project> projects = new LinkedHashMap<>();
    private final Map<ArtifactId, Artifact> artifacts = new LinkedHashMap<>();
    private final Map<ArtifactId, List<Revision>> revisions = new HashMap<>();
    private final Map<GenerationId, Generation> generations = new LinkedHashMap<>();
    private final Map<GenerationId, Lease> leases = new HashMap<>();
    private final Map<GenerationId, Long> fencingTokens = new HashMap<>();
    private final InMemoryUsageLedger usage = new InMemoryUsageLedger();

    /** Newest first, then by id as a database orders UUIDs (unsigned, which their text order is too). */
    private static final Comparator<ProjectPosition> NEWEST_FIRST = Comparator.comparing(ProjectPosition::createdAt)
            .reversed().thenComparing(position -> position.id().toString());

    // --- projects

    @Override
    public synchronized Project create(Project project) {
        projects.put(project.id(), project);
        return project;
    }

    @Override
    public synchronized Optional<Project> findProject(UserId owner, ProjectId id) {
        return Optional.ofNullable(projects.get(id)).filter(p -> p.isOwnedBy(owner));
    }

    @Override
    public synchronized int countProjects(UserId owner) {
        return (int) projects.values().stream().filter(p -> p.isOwnedBy(owner)).count();
    }

    @Override
    public synchronized Page<Project, ProjectPosition> page(UserId owner, PageRequest<ProjectPosition> request) {
        List<Project> newestFirst = projects.values().stream().filter(p -> p.isOwnedBy(owner))
                .filter(p -> request.after().map(after -> NEWEST_FIRST.compare(ProjectPosition.of(p), after) > 0).orElse(true))
                .sorted(Comparator.comparing(ProjectPosition::of, NEWEST_FIRST))
                .limit(request.limit() + 1L).toList();
        return Page.of(newestFirst, request.limit(), ProjectPosition::of);
    }

    // --- artifacts

    @Override
    public synchronized Optional<Artifact> findArtifact(UserId owner, ArtifactId id) {
        return Optional.ofNullable(artifacts.get(id)).filter(a -> owns(owner, a.projectId())).map(this::withHeads);
    }

    @Override
    public synchronized List<Artifact> listByProject(UserId owner, ProjectId projectId) {
        if (!owns(owner, projectId)) {
            return List.of();
        }
        return artifacts.values().stream().filter(a -> a.projectId().equals(projectId))
                .sorted(Comparator.comparing(Artifact::type)).map(this::withHeads).toList();
    }

    @Override
    public synchronized Artifact saveEdit(Artifact edited, long expectedRowVersion, Revision revision) {
        return saveFounderChange(edited, expectedRowVersion, revision);
    }

    @Override
    public synchronized Artifact saveRestore(Artifact restored, long expectedRowVersion, Revision revision) {
        return saveFounderChange(restored, expectedRowVersion, revision);
    }

    private Artifact saveFounderChange(Artifact edited, long expectedRowVersion, Revision revision) {
        Artifact current = artifacts.get(edited.id());
        if (current == null) {
            throw new NotFoundException("artifact");
        }
        if (current.isGenerating()) {
            throw new ArtifactBusyException();
        }
        if (current.rowVersion() != expectedRowVersion) {
            throw new StaleArtifactException();
        }
        artifacts.put(edited.id(), edited.withLineage(current.lineage().withWrittenFrom(edited.writtenFrom()))
                .withRowVersion(current.rowVersion() + 1));
        appendRevision(revision);
        return withHeads(artifacts.get(edited.id()));
    }

    @Override
    public synchronized Artifact addAnnotation(UserId owner, ArtifactId id, Annotation annotation) {
        Artifact current = ownedArtifact(owner, id);
        Artifact saved = current.withAnnotation(annotation).withRowVersion(current.rowVersion() + 1);
        artifacts.put(id, saved);
        return saved;
    }

    @Override
    public synchronized Page<RevisionSummary, Integer> revisionPage(UserId owner, ArtifactId id,
                                                                    PageRequest<Integer> request) {
        if (findArtifact(owner, id).isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<RevisionSummary> newestFirst = revisions.getOrDefault(id, List.of()).reversed().stream()
                .filter(r -> request.after().map(after -> r.number() < after).orElse(true))
                .limit(request.limit() + 1L)
                .map(Revision::summary).toList();
        return Page.of(newestFirst, request.limit(), RevisionSummary::number);
    }

    @Override
    public synchronized Optional<Revision> revision(UserId owner, ArtifactId id, int number) {
        if (findArtifact(owner, id).isEmpty()) {
            return Optional.empty();
        }
        return revisions.getOrDefault(id, List.of()).stream().filter(r -> r.number() == number).findFirst();
    }

    // --- generation queue

    @Override
    public synchronized Generation enqueue(Generation generation, List<Artifact> markedGenerating,
                                           int maxActivePerOwner) {
        Optional<Generation> active = activeFor(generation.projectId());
        if (active.isPresent()) {
            throw new GenerationConflictException(active.get().id());
        }
        long activeOfOwner = generations.values().stream()
                .filter(g -> g.owner().equals(generation.owner()) && g.state().isActive()).count();
        if (activeOfOwner >= maxActivePerOwner) {
            throw new TooManyActiveGenerationsException(maxActivePerOwner);
        }
        for (Artifact artifact : markedGenerating) {
            Artifact current = artifacts.get(artifact.id());
            if (current != null && current.rowVersion() != artifact.rowVersion()) {
                throw new StaleArtifactException();
            }
        }
        for (Artifact artifact : markedGenerating) {
            Artifact current = artifacts.get(artifact.id());
            // Annotations are the founder's; the queued artifact keeps whatever is stored.
            Artifact toSave = current == null ? artifact : withAnnotationsOf(current, artifact)
                    .withLineage(current.lineage().withWrittenFrom(artifact.writtenFrom()));
            artifacts.put(artifact.id(), toSave.withRowVersion(artifact.rowVersion() + 1));
        }
        generations.put(generation.id(), generation);
        return generation;
    }

    @Override
    public synchronized Optional<Generation> findGeneration(UserId owner, GenerationId id) {
        return Optional.ofNullable(generations.get(id)).filter(g -> g.owner().equals(owner));
    }

    @Override
    public synchronized Optional<Generation> findActiveGeneration(UserId owner, ProjectId projectId) {
        return activeFor(projectId).filter(g -> g.owner().equals(owner));
    }

    @Override
    public synchronized Optional<ClaimedGeneration> claimNext(String workerId, Instant now, Duration leaseLength) {
        for (Generation generation : generations.values()) {
            Lease lease = leases.get(generation.id());
            boolean claimable = generation.state() == GenerationState.QUEUED
                    || (generation.state() == GenerationState.RUNNING && (lease == null || !lease.expiresAt().isAfter(now)));
            if (claimable) {
                long token = fencingTokens.merge(generation.id(), 1L, Long::sum);
                Lease granted = new Lease(generation.id(), workerId, token, now.plus(leaseLength));
                Generation started = generation.started(now);
                generations.put(started.id(), started);
                leases.put(started.id(), granted);
                return Optional.of(new ClaimedGeneration(started, granted, findProject(started.owner(), started.projectId()),
                        listByProject(started.owner(), started.projectId())));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Lease renew(Lease lease, Instant now, Duration leaseLength) {
        checkHeld(lease, now);
        Lease renewed = new Lease(lease.generationId(), lease.workerId(), lease.fencingToken(), now.plus(leaseLength));
        leases.put(lease.generationId(), renewed);
        return renewed;
    }

    @Override
    public synchronized Artifact recordWritten(Lease lease, Artifact written, Revision revision,
                                               List<UsageSettlement> calls, Instant now) {
        settle(calls);
        checkHeld(lease, now);
        Artifact saved = saveFromWorker(written);
        appendRevision(revision);
        updateItem(lease.generationId(), written, true);
        return withHeads(artifacts.get(saved.id()));
    }

    @Override
    public synchronized Artifact recordFailed(Lease lease, Artifact failed, List<UsageSettlement> calls, Instant now) {
        settle(calls);
        checkHeld(lease, now);
        Artifact saved = saveFromWorker(failed);
        updateItem(lease.generationId(), failed, false);
        return saved;
    }

    @Override
    public synchronized Generation finish(Lease lease, Instant now) {
        checkHeld(lease, now);
        Generation finished = generations.get(lease.generationId()).finished(now);
        generations.put(finished.id(), finished);
        leases.remove(finished.id());
        return finished;
    }

    @Override
    public synchronized void release(Lease lease) {
        Lease current = leases.get(lease.generationId());
        if (current != null && current.fencingToken() == lease.fencingToken()) {
            leases.remove(lease.generationId());
        }
    }

    /** The ledger the worker writes settle calls in; a pipeline built on this store uses it by default. */
    @Override
    public UsageLedger usageLedger() {
        return usage;
    }

    // --- internals

    /** Billed calls are settled whether or not the write they came with is refused. */
    private void settle(List<UsageSettlement> calls) {
        calls.forEach(call -> usage.settle(call.user(), call.day(), call.reserved(), call.actual()));
    }

    private boolean owns(UserId owner, ProjectId projectId) {
        Project project = projects.get(projectId);
        return project != null && project.isOwnedBy(owner);
    }

    private Optional<Generation> activeFor(ProjectId projectId) {
        return generations.values().stream()
                .filter(g -> g.projectId().equals(projectId) && g.state().isActive())
                .findFirst();
    }

    private void checkHeld(Lease lease, Instant now) {
        Lease current = leases.get(lease.generationId());
        if (current == null || current.fencingToken() != lease.fencingToken() || !current.expiresAt().isAfter(now)) {
            throw new LeaseLostException(lease.generationId());
        }
    }

    private Artifact saveFromWorker(Artifact fromWorker) {
        Artifact current = artifacts.get(fromWorker.id());
        Artifact saved = withAnnotationsOf(current, fromWorker).withRowVersion(current.rowVersion() + 1)
                .withLineage(current.lineage().withWrittenFrom(fromWorker.writtenFrom()));
        artifacts.put(saved.id(), saved);
        return saved;
    }

    private static Artifact withAnnotationsOf(Artifact source, Artifact target) {
        return new Artifact(target.id(), target.projectId(), target.type(), target.versionNumber(),
                target.currentContent(), target.previousContent(), target.editedSections(), source.annotations(),
                target.status(), target.error(), target.schemaVersion(), target.createdAt(), target.updatedAt(),
                target.rowVersion(), target.lineage());
    }

    private void updateItem(GenerationId id, Artifact artifact, boolean succeeded) {
        Generation generation = generations.get(id);
        generation.item(artifact.type()).ifPresent(item -> generations.put(id,
                generation.withItem(succeeded ? item.succeeded() : item.failed(artifact.error()))));
    }

    /** Appends the revision as the artifact's next number and records that number as its latest. */
    private void appendRevision(Revision revision) {
        List<Revision> history = revisions.computeIfAbsent(revision.artifactId(), id -> new ArrayList<>());
        history.add(revision.numbered(history.size() + 1));
        Artifact artifact = artifacts.get(revision.artifactId());
        artifacts.put(artifact.id(), artifact.withLineage(artifact.lineage().withHeadRevision(history.size())));
    }

    /** The artifact with the latest revision of each of its dependencies, as they are now. */
    private Artifact withHeads(Artifact artifact) {
        Map<ArtifactType, Integer> heads = new EnumMap<>(ArtifactType.class);
        artifacts.values().stream().filter(a -> a.projectId().equals(artifact.projectId()))
                .forEach(a -> heads.put(a.type(), a.lineage().headRevision()));
        return artifact.withLineage(artifact.lineage().seenAgainst(artifact.type(), heads));
    }
}
