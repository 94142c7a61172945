package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.GenerationQueue;
import io.artifactpipeline.core.port.ProjectStore;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one claimed generation: each artifact as soon as its dependencies are written (after
 * {@code mvp_scope}, the other three at once), saving each the moment it is done. A failure fails
 * exactly the artifacts that depend on it. Items a previous worker already finished are not redone,
 * so a generation taken over after a crash continues where it stopped.
 */
public final class CascadeRunner {
    /**
     * Claims of one generation after which its unfinished artifacts fail instead of being tried again:
     * a generation that keeps taking its workers down (or keeps being handed back) must not stay
     * {@code generating} forever.
     */
    public static final int MAX_CLAIMS = 10;

    private final ProjectStore projects;
    private final ArtifactStore artifacts;
    private final GenerationQueue queue;
    private final ArtifactWriter writer;
    private final ArtifactEvents events;
    private final Clock clock;

    public CascadeRunner(ProjectStore projects, ArtifactStore artifacts, GenerationQueue queue, ArtifactWriter writer,
                         ArtifactEvents events, Clock clock) {
        this.projects = projects;
        this.artifacts = artifacts;
        this.queue = queue;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs the generation to its end and concludes it.
     *
     * @throws io.artifactpipeline.core.error.LeaseLostException if the lease was lost: the run stops
     *         and whoever holds the lease now carries on
     * @throws RunAbandonedException if the thread was interrupted: nothing more was written
     */
    public Generation run(ClaimedGeneration claim) {
        Generation generation = claim.generation();
        Run run = new Run(claim, projects.find(generation.owner(), generation.projectId()).orElse(null),
                artifacts.listByProject(generation.owner(), generation.projectId()).stream()
                        .collect(Collectors.toConcurrentMap(Artifact::type, Function.identity())));
        // One virtual thread per artifact; a per-run executor so that an interrupt reaches every call in flight.
        try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ArtifactType, CompletableFuture<Boolean>> written = new EnumMap<>(ArtifactType.class);
            for (ArtifactType type : ArtifactType.inGenerationOrder()) {
                List<CompletableFuture<Boolean>> dependencies = type.dependencies().stream().map(written::get).toList();
                written.put(type, CompletableFuture.allOf(dependencies.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> run.settle(type), tasks));
            }
            awaitAll(written.values(), tasks);
        }
        return queue.finish(claim.lease(), clock.instant());
    }

    private static void awaitAll(Collection<CompletableFuture<Boolean>> futures, ExecutorService tasks) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            tasks.shutdownNow();
            Thread.currentThread().interrupt();
            throw new RunAbandonedException();
        } catch (ExecutionException e) {
            tasks.shutdownNow();
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** The state of one run: the project, the latest artifacts, and which types ended with content. */
    private final class Run {
        private final ClaimedGeneration claim;
        private final Project project;
        private final Map<ArtifactType, Artifact> latest;
        private final Map<ArtifactType, Boolean> usable = new ConcurrentHashMap<>();

        Run(ClaimedGeneration claim, Project project, Map<ArtifactType, Artifact> latest) {
            this.claim = claim;
            this.project = project;
            this.latest = latest;
        }

        /** Decides and does what this type needs in this run; true when it has content others may use. */
        boolean settle(ArtifactType type) {
            Generation generation = claim.generation();
            GenerationItem item = generation.item(type).orElse(null);
            Artifact artifact = latest.get(type);
            boolean hasContent;
            if (item == null) {
                hasContent = artifact != null && artifact.hasContent();
            } else if (item.isFinished()) {
                hasContent = item.status() == GenerationItem.Status.SUCCEEDED;
            } else {
                hasContent = write(type, artifact);
            }
            usable.put(type, hasContent);
            return hasContent;
        }

        private boolean write(ArtifactType type, Artifact artifact) {
            if (artifact == null) {
                throw new NotFoundException("artifact " + type.wireName() + " of generation " + claim.generation().id());
            }
            if (project == null) {
                return fail(artifact, new ArtifactError(ArtifactError.INTERNAL, "the project no longer exists"));
            }
            if (claim.lease().fencingToken() > MAX_CLAIMS) {
                return fail(artifact, new ArtifactError(ArtifactError.INTERNAL, "gave up after " + MAX_CLAIMS
                        + " attempts to run this generation; generate again to retry"));
            }
            for (ArtifactType dependency : type.dependencies()) {
                if (!usable.getOrDefault(dependency, false)) {
                    boolean inThisRun = claim.generation().targets(dependency);
                    return fail(artifact, inThisRun
                            ? new ArtifactError(ArtifactError.DEPENDENCY_FAILED, dependency.wireName() + " failed")
                            : new ArtifactError(ArtifactError.DEPENDENCY_MISSING, dependency.wireName()
                                    + " has no content yet; generate it first"));
                }
            }
            Map<ArtifactType, ObjectNode> context = new EnumMap<>(ArtifactType.class);
            type.dependencies().forEach(d -> context.put(d, latest.get(d).currentContent()));
            ArtifactWriter.Outcome outcome;
            try {
                outcome = writer.write(claim.generation(), project, artifact, context);
            } catch (DomainException e) {
                throw e; // lease lost, store unavailable: the run cannot go on; another worker will
            } catch (RuntimeException unexpected) {
                outcome = new ArtifactWriter.Outcome.Failed(new ArtifactError(ArtifactError.INTERNAL,
                        "the artifact could not be written"));
            }
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down or crashing: whatever the call returned is not the model's verdict.
                throw new RunAbandonedException();
            }
            return switch (outcome) {
                case ArtifactWriter.Outcome.Written written -> store(artifact, written);
                case ArtifactWriter.Outcome.Failed failed -> fail(artifact, failed.reason());
            };
        }

        private boolean store(Artifact artifact, ArtifactWriter.Outcome.Written written) {
            Artifact updated = artifact.withGeneratedContent(written.content(), written.schemaVersion(), clock.instant());
            Artifact saved = queue.recordWritten(claim.lease(), updated, updated.generatedRevision(), clock.instant());
            latest.put(saved.type(), saved);
            events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.CONTENT_WRITTEN));
            return true;
        }

        private boolean fail(Artifact artifact, ArtifactError reason) {
            Artifact saved = queue.recordFailed(claim.lease(), artifact.failed(reason, clock.instant()), clock.instant());
            latest.put(saved.type(), saved);
            events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.STATUS_CHANGED));
            return false;
        }
    }
}
