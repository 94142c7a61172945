package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Every change of content is kept: who, when, why, which sections and the whole content. */
class RevisionHistoryTest {
    private final TestPipeline t = TestPipeline.create();

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void historyListsGeneratedEditedAndRegeneratedNewestFirst() {
        Project project = t.project(ALICE);
        Instant generatedAt = t.clock().instant();
        t.generate(ALICE, project.id());
        Artifact generated = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        t.clock().advance(Duration.ofMinutes(1));
        Artifact edited = t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(generated.id(), "target_user", TextNode.valueOf("Chain bakeries")));
        t.clock().advance(Duration.ofMinutes(1));
        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(generated.id(), true));
        t.pipeline().worker().drain();
        Artifact regenerated = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);

        List<Revision> history = t.history(ALICE, generated.id());

        List<String> allSections = List.of("problem_statement", "target_user", "value_proposition", "key_constraint",
                "differentiation_points");
        assertThat(history).extracting(Revision::number, Revision::source, Revision::versionNumber, Revision::actor,
                Revision::sections).containsExactly(
                tuple(3, RevisionSource.REGENERATED, 2, Revision.MODEL_ACTOR, allSections),
                tuple(2, RevisionSource.EDITED, 1, "alice", List.of("target_user")),
                tuple(1, RevisionSource.GENERATED, 1, Revision.MODEL_ACTOR, allSections));
        assertThat(history).extracting(Revision::content).containsExactly(
                regenerated.currentContent(), edited.currentContent(), generated.currentContent());
        assertThat(history).extracting(Revision::createdAt).containsExactly(
                generatedAt.plus(Duration.ofMinutes(2)), generatedAt.plus(Duration.ofMinutes(1)), generatedAt);
        assertThat(history).allMatch(r -> r.artifactId().equals(generated.id()));
    }

    @Test
    void aRevisionIsFetchedByItsNumberWithItsWholeContent() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Chain bakeries")));

        Revision first = t.pipeline().getRevision().get(ALICE, new GetRevision.Query(brief.id(), 1));

        assertThat(first.source()).isEqualTo(RevisionSource.GENERATED);
        assertThat(first.content()).isEqualTo(brief.currentContent());
        assertThat(t.pipeline().getRevision().get(ALICE, new GetRevision.Query(brief.id(), 2)).content().get("target_user").asText())
                .isEqualTo("Chain bakeries");
    }

    @Test
    void aRevisionNumberThatDoesNotExistIsNotFound() {
        Project project = t.generatedProject(ALICE);
        Artifact brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        for (int number : new int[] {0, 2, -1}) {
            assertThatThrownBy(() -> t.pipeline().getRevision().get(ALICE, new GetRevision.Query(brief.id(), number)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aFailedWriteLeavesNoRevision() {
        t.model().then(ArtifactType.RISK_LOG, new io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour.Fail(
                io.artifactpipeline.core.port.ModelFailure.Reason.TIMEOUT));
        Project project = t.generatedProject(ALICE);
        assertThat(t.history(ALICE, t.artifact(ALICE, project.id(), ArtifactType.RISK_LOG).id()))
                .isEmpty();
    }
}
