package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.testing.TestPipeline;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static io.artifactpipeline.core.testing.TestPipeline.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Another user's project, artifact, generation or revision answers exactly as a missing one does, on
 * every use case, and asking changes nothing.
 */
class IsolationTest {
    private final TestPipeline t = TestPipeline.create();
    private final ArtifactPipeline p = t.pipeline();
    private final List<ArtifactChange> alicesFeed = new CopyOnWriteArrayList<>();
    private Project project;
    private Artifact brief;
    private Generation generation;
    private Map<ArtifactType, Artifact> before;
    private List<RevisionSummary> historyBefore;
    private int requestsBefore;

    @BeforeEach
    void aliceHasAGeneratedProject() {
        project = t.project(ALICE);
        generation = t.generate(ALICE, project.id());
        brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        before = t.artifacts(ALICE, project.id());
        historyBefore = p.listRevisions().list(ALICE, ListRevisions.Query.newest(brief.id())).items();
        requestsBefore = t.model().requests().size();
        p.watchProject().watch(ALICE, project.id(), alicesFeed::add);
    }

    @AfterEach
    void nothingOfAlicesChanged() {
        assertThat(t.artifacts(ALICE, project.id())).isEqualTo(before);
        assertThat(p.listRevisions().list(ALICE, ListRevisions.Query.newest(brief.id())).items()).isEqualTo(historyBefore);
        assertThat(p.worker().drain()).as("nothing queued").isZero();
        assertThat(t.model().requests()).hasSize(requestsBefore);
        assertThat(alicesFeed).isEmpty();
        assertThat(t.spentToday(MALLORY)).isZero();
        t.close();
    }

    @Test
    void anotherUsersProjectIsNotListedAndNotFound() {
        assertThat(p.listProjects().list(MALLORY, ListProjects.Query.newest()).items()).isEmpty();
        assertThat(p.listProjects().list(ALICE, ListProjects.Query.newest()).items()).containsExactly(project);
        assertAnswersLikeMissing(() -> p.getProject().get(MALLORY, project.id()),
                () -> p.getProject().get(ALICE, unknownProject()));
    }

    @Test
    void anotherUsersProjectHasNoArtifacts() {
        assertThat(p.listProjectArtifacts().list(MALLORY, project.id())).isEmpty();
        assertThat(p.listProjectArtifacts().list(ALICE, unknownProject())).isEmpty();
    }

    @Test
    void anotherUsersProjectCannotBeWatched() {
        List<ArtifactChange> mallorysFeed = new CopyOnWriteArrayList<>();
        assertAnswersLikeMissing(() -> p.watchProject().watch(MALLORY, project.id(), mallorysFeed::add),
                () -> p.watchProject().watch(ALICE, unknownProject(), mallorysFeed::add));
        assertThat(mallorysFeed).isEmpty();
    }

    @Test
    void anotherUsersProjectCannotBeGenerated() {
        assertAnswersLikeMissing(() -> p.startGeneration().start(MALLORY, new StartGeneration.Command(project.id(), true)),
                () -> p.startGeneration().start(ALICE, new StartGeneration.Command(unknownProject(), true)));
    }

    @Test
    void anotherUsersArtifactIsNotFound() {
        assertAnswersLikeMissing(() -> p.getArtifact().get(MALLORY, brief.id()),
                () -> p.getArtifact().get(ALICE, unknownArtifact()));
        assertAnswersLikeMissing(() -> p.getArtifactStatus().get(MALLORY, brief.id()),
                () -> p.getArtifactStatus().get(ALICE, unknownArtifact()));
    }

    @Test
    void anotherUsersArtifactCannotBeRegenerated() {
        assertAnswersLikeMissing(
                () -> p.regenerateArtifact().regenerate(MALLORY, new RegenerateArtifact.Command(brief.id(), true)),
                () -> p.regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(unknownArtifact(), true)));
    }

    @Test
    void anotherUsersArtifactCannotBeEdited() {
        TextNode value = TextNode.valueOf("Mallory was here");
        assertAnswersLikeMissing(() -> p.editArtifact().edit(MALLORY, EditArtifact.Command.of(brief.id(), "target_user", value)),
                () -> p.editArtifact().edit(ALICE, EditArtifact.Command.of(unknownArtifact(), "target_user", value)));
    }

    @Test
    void anotherUsersArtifactCannotBeAnnotated() {
        assertAnswersLikeMissing(() -> p.annotateArtifact().annotate(MALLORY, new AnnotateArtifact.Command(brief.id(), "target_user", "Mine")),
                () -> p.annotateArtifact().annotate(ALICE, new AnnotateArtifact.Command(unknownArtifact(), "target_user", "Mine")));
    }

    @Test
    void anotherUsersHistoryIsNotFound() {
        assertAnswersLikeMissing(() -> p.listRevisions().list(MALLORY, ListRevisions.Query.newest(brief.id())),
                () -> p.listRevisions().list(ALICE, ListRevisions.Query.newest(unknownArtifact())));
        assertAnswersLikeMissing(() -> p.getRevision().get(MALLORY, new GetRevision.Query(brief.id(), 1)),
                () -> p.getRevision().get(ALICE, new GetRevision.Query(unknownArtifact(), 1)));
        assertAnswersLikeMissing(() -> p.getRevision().get(MALLORY, new GetRevision.Query(brief.id(), 1)),
                () -> p.getRevision().get(ALICE, new GetRevision.Query(brief.id(), 99)));
    }

    @Test
    void anotherUsersGenerationIsNotFound() {
        assertAnswersLikeMissing(() -> p.getGeneration().get(MALLORY, generation.id()),
                () -> p.getGeneration().get(ALICE, new GenerationId(UUID.randomUUID())));
    }

    private static void assertAnswersLikeMissing(ThrowingCallable foreign, ThrowingCallable missing) {
        Throwable missingAnswer = catchThrowable(missing);
        assertThat(missingAnswer).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(foreign).isInstanceOf(NotFoundException.class).hasMessage(missingAnswer.getMessage());
    }

    private static ProjectId unknownProject() {
        return new ProjectId(UUID.randomUUID());
    }

    private static ArtifactId unknownArtifact() {
        return new ArtifactId(UUID.randomUUID());
    }
}
