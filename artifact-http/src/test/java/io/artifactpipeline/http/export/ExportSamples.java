package io.artifactpipeline.http.export;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.artifactpipeline.core.testing.SampleContent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Projects and artifacts for export tests and the export benchmark. */
final class ExportSamples {
    static final Instant EXPORTED_AT = Instant.parse("2026-12-01T09:30:00Z");
    static final Instant WRITTEN_AT = Instant.parse("2026-11-30T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private ExportSamples() {
    }

    static Project project(String name) {
        return new Project(new ProjectId(UUID.randomUUID()), new UserId("founder-1"), name,
                "Forecast bread demand for small bakeries", Map.of(), WRITTEN_AT);
    }

    static Artifact written(Project project, ArtifactType type, Tier tier, Annotation... annotations) {
        return written(project, type, SampleContent.forTier(type, tier), annotations);
    }

    static Artifact written(Project project, ArtifactType type, ObjectNode content, Annotation... annotations) {
        return new Artifact(new ArtifactId(UUID.randomUUID()), project.id(), type, 3, content, null, List.of(),
                List.of(annotations), ArtifactStatus.IDLE, null, 1, WRITTEN_AT, WRITTEN_AT, 4);
    }

    static Artifact neverWritten(Project project, ArtifactType type) {
        return new Artifact(new ArtifactId(UUID.randomUUID()), project.id(), type, 0,
                JsonNodeFactory.instance.objectNode(), null, List.of(), List.of(), ArtifactStatus.IDLE, null, 1,
                WRITTEN_AT, WRITTEN_AT, 1);
    }

    static Annotation note(String section, String text) {
        return new Annotation(new AnnotationId(UUID.randomUUID()), section, text, WRITTEN_AT);
    }
}
