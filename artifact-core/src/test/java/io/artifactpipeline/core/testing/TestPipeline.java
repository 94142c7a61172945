package io.artifactpipeline.core.testing;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.GetRevision;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.artifactpipeline.core.usecase.StartGeneration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An in-memory pipeline with a scriptable model, a clock that stands still and a ledger a test can
 * pre-fill, plus the few steps most use-case tests start from.
 */
public final class TestPipeline implements AutoCloseable {
    public static final Actor ALICE = Actor.of("alice", Tier.BOOTSTRAPPER);
    public static final Actor MALLORY = Actor.of("mallory", Tier.BOOTSTRAPPER);
    /** 21:30 UTC: the budget renews in two and a half hours. */
    public static final Instant START = Instant.parse("2025-03-14T21:30:00Z");

    private final FakeLanguageModel model = new FakeLanguageModel();
    private final ManualClock clock = new ManualClock(START);
    private final InMemoryUsageLedger usage = new InMemoryUsageLedger();
    private final ArtifactPipeline pipeline;

    private TestPipeline(Function<FakeLanguageModel, LanguageModel> modelAround,
                         UnaryOperator<ArtifactPipeline.Builder> customise) {
        pipeline = customise.apply(ArtifactPipeline.builder().model(modelAround.apply(model)).clock(clock).usage(usage))
                .build();
    }

    public static TestPipeline create() {
        return new TestPipeline(fake -> fake, UnaryOperator.identity());
    }

    /** A pipeline with some of the builder's settings changed. */
    public static TestPipeline create(UnaryOperator<ArtifactPipeline.Builder> customise) {
        return new TestPipeline(fake -> fake, customise);
    }

    /** A pipeline whose model is the fake one seen through a wrapper (to observe or disturb calls). */
    public static TestPipeline withModel(Function<FakeLanguageModel, LanguageModel> modelAround) {
        return new TestPipeline(modelAround, UnaryOperator.identity());
    }

    public ArtifactPipeline pipeline() {
        return pipeline;
    }

    public FakeLanguageModel model() {
        return model;
    }

    public ManualClock clock() {
        return clock;
    }

    public InMemoryUsageLedger usage() {
        return usage;
    }

    /** Records tokens as already spent today by the actor. */
    public void alreadySpent(Actor actor, long tokens) {
        usage.record(actor.userId(), today(), TokenUsage.of(tokens, 0));
    }

    public long spentToday(Actor actor) {
        return usage.tokensUsed(actor.userId(), today());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Project project(Actor owner) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Who pays?", "The bakery owner");
        answers.put("Why now?", "Flour prices doubled");
        Project project = pipeline.createProject().create(owner,
                new CreateProject.Command("Bakery forecasts", "Forecast bread demand for small bakeries", answers));
        clock.advance(Duration.ofSeconds(1));
        return project;
    }

    /** Starts a generation (which must have something to do) without running it. */
    public Generation start(Actor actor, ProjectId projectId, boolean force) {
        StartGeneration.Outcome outcome = pipeline.startGeneration().start(actor, new StartGeneration.Command(projectId, force));
        if (!(outcome instanceof StartGeneration.Outcome.Started started)) {
            throw new AssertionError("expected a generation to start, got " + outcome);
        }
        return started.generation();
    }

    /** Runs every queued generation and returns the given one as it ended. */
    public Generation run(Actor actor, Generation generation) {
        pipeline.worker().drain();
        return pipeline.getGeneration().get(actor, generation.id());
    }

    /** Starts and runs a generation of whatever is missing or failed. */
    public Generation generate(Actor actor, ProjectId projectId) {
        return run(actor, start(actor, projectId, false));
    }

    /** A project of the actor's with all five artifacts written. */
    public Project generatedProject(Actor owner) {
        Project project = project(owner);
        generate(owner, project.id());
        return project;
    }

    public Artifact artifact(Actor actor, ProjectId projectId, ArtifactType type) {
        return artifacts(actor, projectId).get(type);
    }

    public Map<ArtifactType, Artifact> artifacts(Actor actor, ProjectId projectId) {
        Map<ArtifactType, Artifact> byType = new EnumMap<>(ArtifactType.class);
        List<Artifact> listed = pipeline.listProjectArtifacts().list(actor, projectId);
        listed.forEach(a -> byType.put(a.type(), a));
        return byType;
    }

    /** The artifact's whole history, newest first, each revision with its content: every page, read back. */
    public List<Revision> history(Actor actor, ArtifactId artifactId) {
        List<Revision> all = new ArrayList<>();
        PageRequest<Integer> page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<RevisionSummary, Integer> listed = pipeline.listRevisions().list(actor, new ListRevisions.Query(artifactId, page));
            listed.items().forEach(summary -> all.add(pipeline.getRevision().get(actor,
                    new GetRevision.Query(artifactId, summary.number()))));
            if (listed.nextAfter().isEmpty()) {
                return all;
            }
            page = new PageRequest<>(PageRequest.MAX_LIMIT, listed.nextAfter());
        }
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
