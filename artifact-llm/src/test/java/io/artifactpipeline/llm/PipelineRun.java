package io.artifactpipeline.llm;

import io.artifactpipeline.core.ArtifactPipeline;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.usecase.CreateProject;

import java.util.List;
import io.artifactpipeline.core.usecase.StartGeneration;

/** One full generation of the test project through the in-memory core, with the given model. */
public final class PipelineRun {
    private PipelineRun() {
    }

    public static List<Artifact> generate(LanguageModel model, Tier tier) {
        try (ArtifactPipeline pipeline = ArtifactPipeline.builder().model(model).build()) {
            Actor founder = Actor.of("founder-1", tier);
            Project project = pipeline.createProject().create(founder,
                    new CreateProject.Command(null, TestRequests.IDEA, TestRequests.ANSWERS));
            pipeline.startGeneration().start(founder, new StartGeneration.Command(project.id(), false));
            pipeline.worker().drain();
            return pipeline.listProjectArtifacts().list(founder, project.id());
        }
    }
}
