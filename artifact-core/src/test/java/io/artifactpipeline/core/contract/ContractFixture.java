package io.artifactpipeline.core.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stores under contract, the clock and the ways the contract suites set up data. */
public abstract class ContractFixture {
    protected static final Duration LEASE = Duration.ofSeconds(30);
    protected static final int NO_LIMIT = Integer.MAX_VALUE;

    protected ContractStores stores;
    protected Instant now;
    protected final UserId alice = new UserId("alice-" + UUID.randomUUID());
    protected final UserId mallory = new UserId("mallory-" + UUID.randomUUID());

    /** The adapter's stores over an empty database. */
    protected abstract ContractStores openStores();

    @BeforeEach
    void open() {
        stores = openStores();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // --- helpers

    protected Project newProject(UserId owner) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Who pays?", "Bakery owners");
        answers.put("Why now?", "Energy prices");
        return stores.projects().create(new Project(new ProjectId(UUID.randomUUID()), owner, "Bakery forecasts",
                "Forecast bread demand for small bakeries", answers, now));
    }

    protected Generation enqueueAll(Project project) {
        List<Artifact> artifacts = ArtifactType.inGenerationOrder().stream()
                .map(type -> Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(), type, 1, now))
                .toList();
        return stores.queue().enqueue(generationOf(project, artifacts), artifacts, NO_LIMIT);
    }

    protected Generation generationOf(Project project, List<Artifact> artifacts) {
        List<GenerationItem> items = artifacts.stream().map(a -> GenerationItem.pending(a.type(), a.id())).toList();
        return Generation.queued(new GenerationId(UUID.randomUUID()), project.id(), new Actor(project.owner(), Tier.CTO_SCALE), Optional.empty(), items, now);
    }

    protected ClaimedGeneration claim(String worker) {
        return stores.queue().claimNext(worker, now, LEASE).orElseThrow(() -> new AssertionError("nothing claimed"));
    }

    protected Artifact write(ClaimedGeneration claim, Artifact artifact) {
        return write(claim, artifact, now);
    }

    protected Artifact write(ClaimedGeneration claim, Artifact artifact, Instant at) {
        Artifact written = artifact.withGeneratedContent(SampleContent.full(artifact.type()), 1, at);
        return stores.writes().recordWritten(claim.lease(), written, written.generatedRevision(), List.of(), at);
    }

    protected Artifact artifact(Project project, ArtifactType type) {
        return stores.artifacts().listByProject(project.owner(), project.id()).stream()
                .filter(a -> a.type() == type).findFirst().orElseThrow();
    }

    protected Artifact generatedBrief() {
        Project project = newProject(alice);
        Artifact brief = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(), ArtifactType.BRIEF, 1, now);
        stores.queue().enqueue(generationOf(project, List.of(brief)), List.of(brief), NO_LIMIT);
        ClaimedGeneration claim = claim("w1");
        write(claim, brief);
        stores.writes().finish(claim.lease(), now);
        return artifact(project, ArtifactType.BRIEF);
    }

    /** The artifact's whole history with content, newest first, as the owner reads it one revision at a time. */
    protected List<Revision> history(UserId owner, ArtifactId id) {
        return stores.artifacts().revisionPage(owner, id, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(summary -> stores.artifacts().revision(owner, id, summary.number()).orElseThrow())
                .toList();
    }

    protected Annotation annotation(String section, String note) {
        return new Annotation(new AnnotationId(UUID.randomUUID()), section, note, now);
    }

    protected static ArtifactError failure() {
        return new ArtifactError(ErrorCode.MODEL_TIMEOUT, "the model did not answer in time");
    }
}
