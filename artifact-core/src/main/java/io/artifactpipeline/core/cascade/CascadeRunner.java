package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.DomainException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.UsageSettlement;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.LeasedWrites;
import io.artifactpipeline.core.port.SectionDrafts;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
final class CascadeRunner {
    /**
     * Claims of one generation after which its unfinished artifacts fail instead of being tried again:
     * a generation that keeps taking its workers down (or keeps being handed back) must not stay
     * {@code generating} forever.
     */
    static final int MAX_CLAIMS = 10;

    private final ArtifactStore artifacts;
    private final LeasedWrites writes;
    private final ArtifactWriter writer;
    private final ArtifactEvents events;
    private final Clock clock;

    CascadeRunner(ArtifactStore artifacts, LeasedWrites writes, ArtifactWriter writer,
                  ArtifactEvents events, Clock clock) {
        this.artifacts = artifacts;
        this.writes = writes;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /** How one artifact ended in a run: with content its dependents may build on, or without. */
    private sealed interface Settled {
        record Usable(Artifact artifact) implements Settled {
        }

        record Unusable() implements Settled {
        }
    }

    /**
     * Runs the generation to its end and concludes it.
     *
     * @throws io.artifactpipeline.core.error.LeaseLostException if the lease was lost: the run stops
     *         and whoever holds the lease now carries on
     * @throws RunAbandonedException if the thread was interrupted: nothing more was written
     */
    Generation run(ClaimedGeneration claim) {
        Run run = new Run(claim, claim.project(), claim.artifacts().stream()
                .collect(Collectors.toMap(Artifact::type, Function.identity())));
        // One virtual thread per artifact; a per-run executor so that an interrupt reaches every call in flight.
        try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ArtifactType, CompletableFuture<Settled>> settled = new EnumMap<>(ArtifactType.class);
            for (ArtifactType type : ArtifactType.inGenerationOrder()) {
                Map<ArtifactType, CompletableFuture<Settled>> dependencies = type.dependencies().stream()
                        .collect(Collectors.toMap(Function.identity(), settled::get));
                settled.put(type, CompletableFuture.allOf(dependencies.values().toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> run.settle(type, resultsOf(dependencies)), tasks));
            }
            awaitAll(settled.values(), tasks);
        }
        return writes.finish(claim.lease(), clock.instant());
    }

    /** The dependencies' results; called once all of them completed, so nothing here waits. */
    private static Map<ArtifactType, Settled> resultsOf(Map<ArtifactType, CompletableFuture<Settled>> dependencies) {
        Map<ArtifactType, Settled> results = new EnumMap<>(ArtifactType.class);
        dependencies.forEach((type, future) -> results.put(type, future.join()));
        return results;
    }

    private static void awaitAll(Collection<CompletableFuture<Settled>> futures, ExecutorService tasks) {
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

    /** One run: the claim, the project (gone if it was deleted meanwhile) and the artifacts as they were at the start. */
    private final class Run {
        private final ClaimedGeneration claim;
        private final Optional<Project> project;
        private final Map<ArtifactType, Artifact> atStart;

        Run(ClaimedGeneration claim, Optional<Project> project, Map<ArtifactType, Artifact> atStart) {
            this.claim = claim;
            this.project = project;
            this.atStart = atStart;
        }

        /** Decides and does what this type needs in this run, given how its dependencies settled. */
        Settled settle(ArtifactType type, Map<ArtifactType, Settled> dependencies) {
            Artifact artifact = atStart.get(type);
            Optional<GenerationItem> item = claim.generation().item(type);
            if (item.isEmpty()) {
                return artifact != null && artifact.hasContent() ? new Settled.Usable(artifact) : new Settled.Unusable();
            }
            if (item.get().isFinished()) {
                // Finished by an earlier claim of this generation, before this run read the artifacts.
                return item.get().status() == GenerationItem.Status.SUCCEEDED
                        ? new Settled.Usable(artifact) : new Settled.Unusable();
            }
            return write(type, artifact, dependencies);
        }

        private Settled write(ArtifactType type, Artifact artifact, Map<ArtifactType, Settled> dependencies) {
            if (artifact == null) {
                throw new NotFoundException("artifact " + type.wireName() + " of generation " + claim.generation().id());
            }
            if (project.isEmpty()) {
                return fail(artifact, new ArtifactError(ErrorCode.INTERNAL, "the project no longer exists"));
            }
            if (claim.lease().fencingToken() > MAX_CLAIMS) {
                return fail(artifact, new ArtifactError(ErrorCode.INTERNAL, "gave up after " + MAX_CLAIMS
                        + " attempts to run this generation; generate again to retry"));
            }
            Map<ArtifactType, ObjectNode> context = new EnumMap<>(ArtifactType.class);
            Map<ArtifactType, Integer> writtenFrom = new EnumMap<>(ArtifactType.class);
            for (ArtifactType dependency : type.dependencies()) {
                if (!(dependencies.get(dependency) instanceof Settled.Usable usable)) {
                    return fail(artifact, missing(dependency));
                }
                context.put(dependency, usable.artifact().currentContent());
                writtenFrom.put(dependency, usable.artifact().lineage().headRevision());
            }
            ArtifactWriter.Outcome outcome;
            try {
                outcome = writer.write(claim.generation(), project.get(), artifact, context, draftsOf(artifact));
            } catch (DomainException e) {
                throw e; // lease lost, store unavailable: the run cannot go on; another worker will
            } catch (RuntimeException unexpected) {
                outcome = new ArtifactWriter.Outcome.Failed(new ArtifactError(ErrorCode.INTERNAL,
                        "the artifact could not be written"));
            }
            if (Thread.currentThread().isInterrupted()) {
                // Shutting down or crashing: whatever the call returned is not the model's verdict.
                writer.settleNow(outcome);
                throw new RunAbandonedException();
            }
            return switch (outcome) {
                case ArtifactWriter.Outcome.Written written -> store(artifact, written, writtenFrom);
                case ArtifactWriter.Outcome.Failed failed -> fail(artifact, failed.reason(), failed.unsettled());
            };
        }

        /** Each section the model finishes goes to the project's watchers at once, as a preview. */
        private SectionDrafts draftsOf(Artifact generating) {
            return (section, value) -> events.publish(ArtifactChange.sectionDraft(generating, section, value,
                    clock.instant()));
        }

        private ArtifactError missing(ArtifactType dependency) {
            return claim.generation().targets(dependency)
                    ? new ArtifactError(ErrorCode.DEPENDENCY_FAILED, dependency.wireName() + " failed")
                    : new ArtifactError(ErrorCode.DEPENDENCY_MISSING, dependency.wireName()
                            + " has no content yet; generate it first");
        }

        private Settled store(Artifact artifact, ArtifactWriter.Outcome.Written written,
                              Map<ArtifactType, Integer> writtenFrom) {
            Artifact updated = artifact.withGeneratedContent(written.content(), written.schemaVersion(), writtenFrom,
                    clock.instant());
            Artifact saved = writes.recordWritten(claim.lease(), updated, updated.generatedRevision(),
                    written.unsettled(), clock.instant());
            events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.CONTENT_WRITTEN));
            // Dependents this generation rewrites anyway are not announced; only those it leaves behind.
            Generation generation = claim.generation();
            if (!saved.type().dependents().stream().allMatch(generation::targets)) {
                events.publishAll(ArtifactChange.staleAfter(saved,
                        () -> artifacts.listByProject(generation.owner(), generation.projectId())));
            }
            return new Settled.Usable(saved);
        }

        private Settled fail(Artifact artifact, ArtifactError reason) {
            return fail(artifact, reason, List.of());
        }

        private Settled fail(Artifact artifact, ArtifactError reason, List<UsageSettlement> unsettled) {
            Artifact saved = writes.recordFailed(claim.lease(), artifact.failed(reason, clock.instant()), unsettled,
                    clock.instant());
            events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.STATUS_CHANGED));
            return new Settled.Unusable();
        }
    }
}
