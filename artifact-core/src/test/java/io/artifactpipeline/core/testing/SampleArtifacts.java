package io.artifactpipeline.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects and artifacts as a store would hand them out, without running a generation: for code that
 * only reads them (exports, diffs). Written artifacts are at version 2, written at {@link #WRITTEN_AT}.
 */
public final class SampleArtifacts {
    public static final Instant WRITTEN_AT = Instant.parse("2026-11-30T10:00:00Z");

    private SampleArtifacts() {
    }

    public static Project project(String name) {
        return new Project(new ProjectId(UUID.randomUUID()), new UserId("founder-1"), name,
                "Forecast bread demand for small bakeries", Map.of("Who pays?", "Bakery owners"), WRITTEN_AT);
    }

    /** The type's {@link SampleContent} for the tier. */
    public static Artifact written(Project project, ArtifactType type, Tier tier, Annotation... annotations) {
        return written(project, type, SampleContent.forTier(type, tier), annotations);
    }

    public static Artifact written(Project project, ArtifactType type, ObjectNode content, Annotation... annotations) {
        return new Artifact(new ArtifactId(UUID.randomUUID()), project.id(), type, 2, content, null, List.of(),
                List.of(annotations), ArtifactStatus.IDLE, null, 1, WRITTEN_AT, WRITTEN_AT, 3);
    }

    public static Artifact neverWritten(Project project, ArtifactType type) {
        return new Artifact(new ArtifactId(UUID.randomUUID()), project.id(), type, 0,
                JsonNodeFactory.instance.objectNode(), null, List.of(), List.of(), ArtifactStatus.IDLE, null, 1,
                WRITTEN_AT, WRITTEN_AT, 1);
    }

    public static Annotation note(String section, String text) {
        return new Annotation(new AnnotationId(UUID.randomUUID()), section, text, WRITTEN_AT);
    }
}
