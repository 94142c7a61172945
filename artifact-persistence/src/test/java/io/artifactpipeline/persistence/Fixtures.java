package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.testing.SampleContent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Projects, generations and written artifacts for the adapter's own tests. */
final class Fixtures {
    static final Duration LEASE = Duration.ofSeconds(30);

    private Fixtures() {
    }

    static UserId user() {
        return new UserId("user-" + UUID.randomUUID());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static Project project(JpaStorage store, UserId owner) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Who pays?", "Bakery owners");
        return store.create(new Project(new ProjectId(UUID.randomUUID()), owner, "Bakery forecasts",
                "Forecast bread demand", answers, now()));
    }

    /** Fresh artifacts of every type, marked generating, as StartGeneration makes them. */
    static List<Artifact> newArtifacts(Project project) {
        return ArtifactType.inGenerationOrder().stream()
                .map(type -> Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(), type, 1,
                        now()))
                .toList();
    }

    static Generation generationOf(Project project, List<Artifact> artifacts) {
        List<GenerationItem> items = artifacts.stream().map(a -> GenerationItem.pending(a.type(), a.id())).toList();
        return Generation.queued(new GenerationId(UUID.randomUUID()), project.id(),
                new Actor(project.owner(), Tier.CTO_SCALE), Optional.empty(), items, now());
    }

    static Generation enqueueAll(JpaStorage store, Project project) {
        List<Artifact> artifacts = newArtifacts(project);
        return store.enqueue(generationOf(project, artifacts), artifacts, Integer.MAX_VALUE);
    }

    static Artifact write(JpaStorage store, ClaimedGeneration claim, Artifact artifact, Instant at) {
        Artifact written = artifact.withGeneratedContent(SampleContent.full(artifact.type()), 1, at);
        return store.recordWritten(claim.lease(), written, written.generatedRevision(), List.of(), at);
    }

    /** A project whose five artifacts have all been written once and whose generation is finished. */
    static List<Artifact> generatedProject(JpaStorage store, UserId owner) {
        Project project = project(store, owner);
        enqueueAll(store, project);
        Instant now = now();
        ClaimedGeneration claim = store.claimNext("fixture", now, LEASE).orElseThrow();
        for (Artifact artifact : store.listByProject(owner, project.id())) {
            write(store, claim, artifact, now);
        }
        store.finish(claim.lease(), now);
        return store.listByProject(owner, project.id());
    }
}
