package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactChange.Kind;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A watcher sees every change of a project's artifacts, in the order they happened. */
class WatchProjectTest {
    private final TestPipeline t = TestPipeline.create();
    private final List<ArtifactChange> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aGenerationIsSeenQueuedThenWrittenInDependencyOrder() {
        Project project = t.project(ALICE);
        t.pipeline().watchProject().watch(ALICE, project.id(), this::recordStored);

        t.generate(ALICE, project.id());

        assertThat(seen).hasSize(10).allMatch(c -> c.projectId().equals(project.id()));
        assertThat(seen.subList(0, 5)).extracting(ArtifactChange::type, ArtifactChange::kind, ArtifactChange::status)
                .containsExactly(
                        tuple(BRIEF, Kind.STATUS_CHANGED, ArtifactStatus.GENERATING),
                        tuple(MVP_SCOPE, Kind.STATUS_CHANGED, ArtifactStatus.GENERATING),
                        tuple(MILESTONES, Kind.STATUS_CHANGED, ArtifactStatus.GENERATING),
                        tuple(RISK_LOG, Kind.STATUS_CHANGED, ArtifactStatus.GENERATING),
                        tuple(HOW_IT_WORKS, Kind.STATUS_CHANGED, ArtifactStatus.GENERATING));
        List<ArtifactChange> written = seen.subList(5, 10);
        assertThat(written).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CONTENT_WRITTEN);
            assertThat(c.status()).isEqualTo(ArtifactStatus.IDLE);
            assertThat(c.versionNumber()).isEqualTo(1);
        });
        assertThat(written).extracting(ArtifactChange::type).startsWith(BRIEF, MVP_SCOPE)
                .containsExactlyInAnyOrder(BRIEF, MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
    }

    @Test
    void failuresAreSeenAsStatusChanges() {
        t.model().then(BRIEF, new Behaviour.Fail(ModelFailure.Reason.TIMEOUT));
        Project project = t.project(ALICE);
        t.pipeline().watchProject().watch(ALICE, project.id(), this::recordStored);

        t.generate(ALICE, project.id());

        assertThat(seen.subList(5, 10)).extracting(ArtifactChange::kind, ArtifactChange::status)
                .containsOnly(tuple(Kind.STATUS_CHANGED, ArtifactStatus.FAILED));
        assertThat(seen.get(5).type()).isEqualTo(BRIEF);
    }

    @Test
    void editsAndNotesAreSeenAfterTheContentTheyChange() {
        Project project = t.project(ALICE);
        t.pipeline().watchProject().watch(ALICE, project.id(), this::recordStored);
        t.generate(ALICE, project.id());
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);

        t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chains")));
        t.pipeline().annotateArtifact().annotate(ALICE, new AnnotateArtifact.Command(brief.id(), "target_user", "Ask Ana"));
        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(brief.id(), true));
        t.pipeline().worker().drain();

        assertThat(seen.stream().filter(c -> c.type() == BRIEF).toList())
                .extracting(ArtifactChange::kind, ArtifactChange::status, ArtifactChange::versionNumber)
                .containsExactly(
                        tuple(Kind.STATUS_CHANGED, ArtifactStatus.GENERATING, 0),
                        tuple(Kind.CONTENT_WRITTEN, ArtifactStatus.IDLE, 1),
                        tuple(Kind.EDITED, ArtifactStatus.IDLE, 1),
                        tuple(Kind.ANNOTATED, ArtifactStatus.IDLE, 1),
                        tuple(Kind.STATUS_CHANGED, ArtifactStatus.GENERATING, 1),
                        tuple(Kind.CONTENT_WRITTEN, ArtifactStatus.IDLE, 2));
        assertThat(seen).allMatch(c -> c.artifactId() != null && c.at() != null);
    }

    @Test
    void aWatcherSeesOnlyItsProject() {
        Project watched = t.project(ALICE);
        Project other = t.project(ALICE);
        t.pipeline().watchProject().watch(ALICE, watched.id(), this::recordStored);

        t.generate(ALICE, other.id());

        assertThat(seen).isEmpty();
    }

    @Test
    void aClosedSubscriptionSeesNothingMore() {
        Project project = t.project(ALICE);
        ArtifactEvents.Subscription subscription = t.pipeline().watchProject().watch(ALICE, project.id(), this::recordStored);

        subscription.close();
        subscription.close();
        t.generate(ALICE, project.id());

        assertThat(seen).isEmpty();
    }

    @Test
    void aBrokenWatcherDoesNotStopTheGenerationNorOtherWatchers() {
        Project project = t.project(ALICE);
        t.pipeline().watchProject().watch(ALICE, project.id(), change -> {
            throw new IllegalStateException("client went away");
        });
        t.pipeline().watchProject().watch(ALICE, project.id(), this::recordStored);

        t.generate(ALICE, project.id());

        assertThat(seen).hasSize(10);
        assertThat(t.artifacts(ALICE, project.id()).values()).allMatch(a -> a.versionNumber() == 1);
    }

    @Test
    void wireNamesOfTheKinds() {
        assertThat(List.of(Kind.values())).extracting(Kind::wireName)
                .containsExactly("status", "content", "edit", "annotation", "stale", "section_draft");
    }

    /** The changes of what is stored; section drafts are previews, checked in SectionDraftsTest. */
    private void recordStored(ArtifactChange change) {
        if (!change.isDraft()) {
            seen.add(change);
        }
    }
}
