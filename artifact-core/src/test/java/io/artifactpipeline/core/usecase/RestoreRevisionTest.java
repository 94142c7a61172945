package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static io.artifactpipeline.core.testing.TestPipeline.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreRevisionTest {
    private final TestPipeline t = TestPipeline.create();
    private final RestoreRevision restore = t.pipeline().restoreRevision();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aRestoreBringsBackContentAndEditMarksAsANewVersionAndRevision() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        Artifact edited = t.pipeline().editArtifact().edit(ALICE,
                EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Cafés")));
        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(brief.id(), true));
        t.pipeline().worker().drain();
        Artifact regenerated = t.artifact(ALICE, project.id(), BRIEF);

        Artifact restored = restore.restore(ALICE, new RestoreRevision.Command(brief.id(), 2));

        assertThat(restored.currentContent()).isEqualTo(edited.currentContent());
        assertThat(restored.editedSections()).containsExactly("target_user");
        assertThat(restored.previousContent()).isEqualTo(regenerated.currentContent());
        assertThat(restored.versionNumber()).isEqualTo(regenerated.versionNumber() + 1);
        Revision revision = t.history(ALICE, brief.id()).getFirst();
        assertThat(revision.number()).isEqualTo(4);
        assertThat(revision.source()).isEqualTo(RevisionSource.RESTORED);
        assertThat(revision.restoredFrom()).isEqualTo(OptionalInt.of(2));
        assertThat(revision.actor()).isEqualTo("alice");
        assertThat(revision.editedSections()).containsExactly("target_user");
        assertThat(t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(brief.id(), false)))
                .as("the restored edit marks warn again").isInstanceOf(RegenerateArtifact.Outcome.EditsWouldBeLost.class);
        assertThat(t.artifacts(ALICE, project.id()).values()).filteredOn(a -> a.type() != BRIEF).allMatch(Artifact::isStale);
    }

    @Test
    void sectionsAboveTheCallersTierAreDropped() {
        Actor partner = Actor.of("carol", Tier.PARTNER);
        Project project = t.generatedProject(partner);
        Artifact brief = t.artifact(partner, project.id(), BRIEF);
        assertThat(brief.currentContent().has("market_analysis")).isTrue();
        Actor downgraded = Actor.of("carol", Tier.BOOTSTRAPPER);

        Artifact restored = restore.restore(downgraded, new RestoreRevision.Command(brief.id(), 1));

        assertThat(restored.currentContent().has("market_analysis")).isFalse();
        assertThat(restored.currentContent().get("target_user")).isEqualTo(brief.currentContent().get("target_user"));
    }

    @Test
    void contentThatNoLongerFitsTheSchemaIsRefusedAndNothingChanges() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);
        Actor upgraded = Actor.of("alice", Tier.PARTNER);
        t.pipeline().regenerateArtifact().regenerate(upgraded, new RegenerateArtifact.Command(brief.id(), true));
        t.pipeline().worker().drain();

        assertUnchanged(project, () -> assertThatThrownBy(() -> restore.restore(upgraded, new RestoreRevision.Command(brief.id(), 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.toString()).contains("/market_analysis"))));
    }

    @Test
    void refusedRestoresChangeNothing() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), BRIEF);

        assertUnchanged(project, () -> {
            assertThatThrownBy(() -> restore.restore(ALICE, new RestoreRevision.Command(brief.id(), 2)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> restore.restore(MALLORY, new RestoreRevision.Command(brief.id(), 1)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> restore.restore(ALICE,
                    new RestoreRevision.Command(brief.id(), 1, OptionalLong.of(brief.rowVersion() - 1))))
                    .isInstanceOf(StaleArtifactException.class);
        });
        t.start(ALICE, project.id(), true);
        assertThatThrownBy(() -> restore.restore(ALICE, new RestoreRevision.Command(brief.id(), 1)))
                .isInstanceOf(ArtifactBusyException.class);
        assertThat(t.history(ALICE, brief.id())).hasSize(1);
    }

    private void assertUnchanged(Project project, Executable refused) {
        List<ObjectNode> before = contents(project);
        List<Integer> historyBefore = t.artifacts(ALICE, project.id()).values().stream()
                .map(a -> t.history(ALICE, a.id()).size()).toList();
        try {
            refused.execute();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        assertThat(contents(project)).isEqualTo(before);
        assertThat(t.artifacts(ALICE, project.id()).values().stream().map(a -> t.history(ALICE, a.id()).size()).toList())
                .isEqualTo(historyBefore);
    }

    private List<ObjectNode> contents(Project project) {
        return t.artifacts(ALICE, project.id()).values().stream().map(Artifact::currentContent).toList();
    }
}
