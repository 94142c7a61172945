package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final UserId ALICE = new UserId("alice");

    private final Artifact awaiting = Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()),
            new ProjectId(UUID.randomUUID()), ArtifactType.MVP_SCOPE, 1, T0);
    private final ObjectNode first = SampleContent.forTier(ArtifactType.MVP_SCOPE, Tier.BOOTSTRAPPER);

    @Test
    void aNewArtifactHasNoContentAndIsGenerating() {
        assertThat(awaiting.versionNumber()).isZero();
        assertThat(awaiting.currentContent()).isEmpty();
        assertThat(awaiting.previousContent()).isNull();
        assertThat(awaiting.hasContent()).isFalse();
        assertThat(awaiting.isGenerating()).isTrue();
        assertThat(awaiting.hasUserEdits()).isFalse();
    }

    @Test
    void theFirstGeneratedContentIsVersionOneWithNoPreviousContent() {
        Artifact written = awaiting.withGeneratedContent(first, 1, T1);
        assertThat(written.versionNumber()).isEqualTo(1);
        assertThat(written.currentContent()).isEqualTo(first);
        assertThat(written.previousContent()).isNull();
        assertThat(written.status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(written.error()).isNull();
        assertThat(written.updatedAt()).isEqualTo(T1);
        assertThat(written.createdAt()).isEqualTo(T0);
    }

    @Test
    void regeneratedContentBumpsTheVersionKeepsThePreviousAndClearsEditsButNotAnnotations() {
        Annotation note = new Annotation(new AnnotationId(UUID.randomUUID()), "out_of_scope", "Check this", T1);
        Artifact edited = awaiting.withGeneratedContent(first, 1, T1)
                .withEdit(SectionPath.parse("out_of_scope"), JSON.arrayNode().add("Payments"), T1)
                .withAnnotation(note);
        ObjectNode second = first.deepCopy().put("extra", "marker");

        Artifact regenerated = edited.markedGenerating(T2).withGeneratedContent(second, 1, T2);

        assertThat(regenerated.versionNumber()).isEqualTo(2);
        assertThat(regenerated.currentContent()).isEqualTo(second);
        assertThat(regenerated.previousContent()).isEqualTo(edited.currentContent());
        assertThat(regenerated.editedSections()).isEmpty();
        assertThat(regenerated.hasUserEdits()).isFalse();
        assertThat(regenerated.annotations()).containsExactly(note);
        assertThat(regenerated.status()).isEqualTo(ArtifactStatus.IDLE);
    }

    @Test
    void anEditChangesTheContentAndRecordsTheSectionButNotTheVersion() {
        Artifact written = awaiting.withGeneratedContent(first, 1, T1);

        Artifact edited = written.withEdit(SectionPath.parse("/core_features/1/priority"), JSON.textNode("low"), T2);

        assertThat(edited.currentContent().at("/core_features/1/priority").asText()).isEqualTo("low");
        assertThat(edited.versionNumber()).isEqualTo(1);
        assertThat(edited.editedSections()).containsExactly("core_features");
        assertThat(edited.hasUserEdits()).isTrue();
        assertThat(edited.updatedAt()).isEqualTo(T2);
        assertThat(written.currentContent().at("/core_features/1/priority").asText())
                .as("the original artifact is untouched").isEqualTo("medium");
    }

    @Test
    void editedSectionsListEachTopLevelKeyOnceInOrderOfFirstEdit() {
        Artifact edited = awaiting.withGeneratedContent(first, 1, T1)
                .withEdit(SectionPath.parse("success_metrics"), JSON.arrayNode().add("a"), T1)
                .withEdit(SectionPath.parse("/core_features/0/name"), JSON.textNode("b"), T1)
                .withEdit(SectionPath.parse("/success_metrics/0"), JSON.textNode("c"), T1)
                .withEdit(SectionPath.parse("core_features"), first.get("core_features"), T1);
        assertThat(edited.editedSections()).containsExactly("success_metrics", "core_features");
    }

    @Test
    void theEditedValueIsCopiedSoLaterChangesToItDoNotLeakIn() {
        var value = JSON.arrayNode().add("Payments");
        Artifact edited = awaiting.withGeneratedContent(first, 1, T1)
                .withEdit(SectionPath.parse("out_of_scope"), value, T1);
        value.add("leak");
        assertThat(edited.currentContent().get("out_of_scope")).hasSize(1);
    }


    @Test
    void failingKeepsContentAndRecordsTheReason() {
        Artifact written = awaiting.withGeneratedContent(first, 1, T1);
        ArtifactError reason = new ArtifactError(ErrorCode.MODEL_TIMEOUT, "too slow");

        Artifact failed = written.markedGenerating(T2).failed(reason, T2);

        assertThat(failed.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(failed.error()).isEqualTo(reason);
        assertThat(failed.currentContent()).isEqualTo(first);
        assertThat(failed.versionNumber()).isEqualTo(1);
    }

    @Test
    void markingGeneratingClearsAPreviousError() {
        Artifact failed = awaiting.failed(new ArtifactError(ErrorCode.MODEL_TIMEOUT, "too slow"), T1);
        Artifact retried = failed.markedGenerating(T2);
        assertThat(retried.status()).isEqualTo(ArtifactStatus.GENERATING);
        assertThat(retried.error()).isNull();
        assertThat(retried.updatedAt()).isEqualTo(T2);
    }

    @Test
    void aFailedArtifactWithoutItsErrorCannotExist() {
        assertThatThrownBy(() -> awaiting.failed(null, T1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstWriteIsRecordedAsGeneratedAndLaterOnesAsRegenerated() {
        Artifact written = awaiting.withGeneratedContent(first, 1, T1);
        Revision generated = written.generatedRevision();
        assertThat(generated.source()).isEqualTo(RevisionSource.GENERATED);
        assertThat(generated.actor()).isEqualTo(Revision.MODEL_ACTOR);
        assertThat(generated.versionNumber()).isEqualTo(1);
        assertThat(generated.sections()).containsExactly("core_features", "out_of_scope", "success_metrics");
        assertThat(generated.content()).isEqualTo(first);

        Revision regenerated = written.markedGenerating(T2).withGeneratedContent(first, 1, T2).generatedRevision();
        assertThat(regenerated.source()).isEqualTo(RevisionSource.REGENERATED);
        assertThat(regenerated.versionNumber()).isEqualTo(2);
    }

    @Test
    void anEditIsRecordedWithItsEditorAndSection() {
        SectionPath path = SectionPath.parse("/core_features/0/name");
        Artifact edited = awaiting.withGeneratedContent(first, 1, T1).withEdit(path, JSON.textNode("Forecast"), T2);

        Revision revision = edited.editRevision(ALICE, path);

        assertThat(revision.source()).isEqualTo(RevisionSource.EDITED);
        assertThat(revision.actor()).isEqualTo("alice");
        assertThat(revision.sections()).containsExactly("core_features");
        assertThat(revision.content()).isEqualTo(edited.currentContent());
        assertThat(revision.versionNumber()).isEqualTo(1);
        assertThat(revision.createdAt()).isEqualTo(T2);
    }
}
