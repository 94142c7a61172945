package io.artifactpipeline.core;

import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.usecase.EditArtifact;
import io.artifactpipeline.core.usecase.ListRevisions;
import io.artifactpipeline.core.usecase.CreateProject;
import io.artifactpipeline.core.usecase.RegenerateArtifact;
import io.artifactpipeline.core.usecase.RestoreRevision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Optional;
import io.artifactpipeline.core.usecase.StartGeneration;

/** The README's embedding example, kept compiling and true. */
class EmbeddingExampleTest {

    @Test
    void theCoreRunsEmbeddedWithNoServerAndNoDatabase() {
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().model(new FakeLanguageModel()).build()) {
            Actor founder = Actor.of("founder-1", Tier.PARTNER);
            Project project = pipeline.createProject().create(founder,
                    new CreateProject.Command(null, "Forecast bread demand for small bakeries", Map.of("Who pays?", "Bakery owners")));

            pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            pipeline.worker().drain();

            List<Artifact> artifacts = pipeline.listProjectArtifacts().list(founder, project.id());
            Artifact brief = artifacts.getFirst();
            pipeline.editArtifact().edit(founder, EditArtifact.Command.of(brief.id(), "target_user", TextNode.valueOf("Owners of neighbourhood bakeries")));
            pipeline.regenerateArtifact().regenerate(founder, new RegenerateArtifact.Command(brief.id(), true, Optional.of("Shorter")));
            pipeline.worker().drain();

            List<RevisionSummary> history = pipeline.listRevisions().list(founder, ListRevisions.Query.newest(brief.id())).items();
            Artifact restored = pipeline.restoreRevision().restore(founder, new RestoreRevision.Command(brief.id(), 2)); // the edit is back

            assertThat(artifacts).extracting(Artifact::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
            assertThat(artifacts).allMatch(a -> a.status() == ArtifactStatus.IDLE && a.versionNumber() == 1);
            assertThat(history).extracting(RevisionSummary::source)
                    .containsExactly(RevisionSource.REGENERATED, RevisionSource.EDITED, RevisionSource.GENERATED);
            assertThat(restored.versionNumber()).isEqualTo(3);
            assertThat(restored.editedSections()).containsExactly("target_user");
        }
    }
}
