package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnotateArtifactTest {
    private final TestPipeline t = TestPipeline.create();
    private final AnnotateArtifact annotate = t.pipeline().annotateArtifact();
    private final Project project = t.generatedProject(ALICE);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void notesAreAppendedBesideTheContent() {
        Artifact brief = brief();
        Artifact first = annotate.annotate(ALICE, new AnnotateArtifact.Command(brief.id(), "target_user", "Ask Ana"));
        t.clock().advance(Duration.ofMinutes(1));

        Artifact second = annotate.annotate(ALICE, new AnnotateArtifact.Command(brief.id(), "problem_statement", "Source?"));

        assertThat(second.annotations()).extracting(Annotation::sectionId, Annotation::note)
                .containsExactly(org.assertj.core.api.Assertions.tuple("target_user", "Ask Ana"),
                        org.assertj.core.api.Assertions.tuple("problem_statement", "Source?"));
        assertThat(second.annotations().get(1).createdAt()).isEqualTo(t.clock().instant());
        assertThat(second.annotations()).extracting(Annotation::id).doesNotHaveDuplicates();
        assertThat(first.annotations().getFirst()).isEqualTo(second.annotations().getFirst());
        assertThat(second.currentContent()).isEqualTo(brief.currentContent());
        assertThat(second.versionNumber()).isEqualTo(brief.versionNumber());
        assertThat(second.hasUserEdits()).isFalse();
        assertThat(brief()).isEqualTo(second);
        assertThat(t.history(ALICE, brief.id())).as("a note is not a content change").hasSize(1);
    }

    @Test
    void aNoteOfOneToFourThousandCharactersIsAccepted() {
        assertThat(annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), "target_user", "x")).annotations()).hasSize(1);
        assertThat(annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), "target_user", "x".repeat(4_000))).annotations()).hasSize(2);
    }

    @Test
    void anEmptyMissingOrTooLongNoteIsRefused() {
        for (String note : new String[] {"", null, "x".repeat(4_001)}) {
            assertThatThrownBy(() -> annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), "target_user", note)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("note"));
        }
        assertThat(brief().annotations()).isEmpty();
    }

    @Test
    void aNoteOnAnUnknownSectionIsRefused() {
        for (String section : new String[] {"pricing", "core_features", null}) {
            assertThatThrownBy(() -> annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), section, "Note")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("section_id"));
        }
        assertThat(brief().annotations()).isEmpty();
    }

    @Test
    void notesSurviveARegeneration() {
        Artifact annotated = annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), "target_user", "Ask Ana"));
        t.pipeline().regenerateArtifact().regenerate(ALICE, new RegenerateArtifact.Command(annotated.id(), true));
        t.pipeline().worker().drain();

        assertThat(brief().versionNumber()).isEqualTo(2);
        assertThat(brief().annotations()).isEqualTo(annotated.annotations());
    }

    @Test
    void aNoteAddedWhileTheArtifactIsBeingGeneratedSurvivesTheWrite() {
        t.start(ALICE, project.id(), true);
        Artifact annotated = annotate.annotate(ALICE, new AnnotateArtifact.Command(brief().id(), "target_user", "Ask Ana"));

        t.pipeline().worker().drain();

        assertThat(brief().versionNumber()).isEqualTo(2);
        assertThat(brief().annotations()).isEqualTo(annotated.annotations());
    }

    private Artifact brief() {
        return t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
    }
}
