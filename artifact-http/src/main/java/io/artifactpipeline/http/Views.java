package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.port.ArtifactChange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The response bodies, as records whose components are the wire fields (the mapper writes them in
 * snake_case). Timestamps are ISO-8601 UTC strings; absent values are written as null, not left out,
 * because the replaced system's client reads them that way.
 */
final class Views {
    private Views() {
    }

    record ArtifactView(String id, String projectId, String artifactType, int versionNumber, JsonNode currentContent,
                        JsonNode previousContent, boolean hasUserEdits, List<String> editedSections,
                        List<AnnotationView> annotations, String generationStatus, ErrorView error, int schemaVersion,
                        String createdAt, String updatedAt) {
    }

    record AnnotationView(String id, String sectionId, String note, String createdAt) {
    }

    record ErrorView(String code, String message) {
    }

    record StatusView(String generationStatus, int versionNumber, String updatedAt, ErrorView error) {
    }

    /** 202 and 200 of POST /api/artifacts/generate; generation_id is null when there was nothing to do. */
    record GenerateView(String generationId, int artifactCount, String status) {
    }

    record RegenerateStartedView(String generationId, String artifactId, String status) {
    }

    record RegenerateWarningView(boolean warning, List<String> editedSections, String id, String artifactType) {
    }

    record ProjectView(String id, String name, String idea, Map<String, String> answers, String createdAt) {
    }

    record GenerationView(String id, String projectId, String status, List<GenerationItemView> artifacts,
                          String createdAt, String startedAt, String finishedAt) {
    }

    record GenerationItemView(String artifactId, String artifactType, String status, ErrorView error) {
    }

    record RevisionView(int revision, int versionNumber, String source, String actor, String createdAt,
                        List<String> sections) {
    }

    record RevisionWithContentView(int revision, int versionNumber, String source, String actor, String createdAt,
                                   List<String> sections, JsonNode content) {
    }

    /** One server-sent event: what changed about which artifact. */
    record ChangeView(String projectId, String artifactId, String artifactType, String kind, String generationStatus,
                      int versionNumber, String at) {
    }

    static ArtifactView artifact(Artifact a) {
        return new ArtifactView(a.id().toString(), a.projectId().toString(), a.type().wireName(), a.versionNumber(),
                a.currentContent(), a.previousContent(), a.hasUserEdits(), a.editedSections(),
                a.annotations().stream().map(Views::annotation).toList(), a.status().wireName(), error(a.error()),
                a.schemaVersion(), time(a.createdAt()), time(a.updatedAt()));
    }

    static StatusView status(ArtifactProgress s) {
        return new StatusView(s.status().wireName(), s.versionNumber(), time(s.updatedAt()), error(s.error()));
    }

    static ProjectView project(Project p) {
        return new ProjectView(p.id().toString(), p.name(), p.idea(), p.answers(), time(p.createdAt()));
    }

    static GenerationView generation(Generation g) {
        return new GenerationView(g.id().toString(), g.projectId().toString(), g.state().wireName(),
                g.items().stream().map(Views::item).toList(), time(g.createdAt()), time(g.startedAt()),
                time(g.finishedAt()));
    }

    static RevisionView revision(Revision r) {
        return new RevisionView(r.number(), r.versionNumber(), r.source().wireName(), r.actor(), time(r.createdAt()),
                r.sections());
    }

    static RevisionWithContentView revisionWithContent(Revision r) {
        return new RevisionWithContentView(r.number(), r.versionNumber(), r.source().wireName(), r.actor(),
                time(r.createdAt()), r.sections(), r.content());
    }

    static ChangeView change(ArtifactChange c) {
        return new ChangeView(c.projectId().toString(), c.artifactId().toString(), c.type().wireName(),
                c.kind().wireName(), c.status().wireName(), c.versionNumber(), time(c.at()));
    }

    private static GenerationItemView item(GenerationItem i) {
        return new GenerationItemView(i.artifactId().toString(), i.type().wireName(), i.status().wireName(),
                error(i.error()));
    }

    private static AnnotationView annotation(Annotation a) {
        return new AnnotationView(a.id().toString(), a.sectionId(), a.note(), time(a.createdAt()));
    }

    private static ErrorView error(ArtifactError e) {
        return e == null ? null : new ErrorView(e.code().wireName(), e.message());
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
