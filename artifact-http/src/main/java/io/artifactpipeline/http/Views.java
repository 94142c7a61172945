package io.artifactpipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.history.Change;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationOverview;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.usecase.DiffRevisions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

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
                        String createdAt, String updatedAt, boolean stale, Map<String, Integer> writtenFrom) {
    }

    record AnnotationView(String id, String sectionId, String note, String createdAt) {
    }

    record ErrorView(String code, String message) {
    }

    record StatusView(String generationStatus, int versionNumber, String updatedAt, ErrorView error) {
    }

    /** 202 and 200 of POST /api/artifacts/generate; generation_id is null when there was nothing to do. */
    record GenerateView(String generationId, int artifactCount, String status, List<String> artifactTypes) {
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

    /** restored_from is the revision a restore brought back, null for every other source. */
    record RevisionView(int revision, int versionNumber, String source, String actor, String createdAt,
                        List<String> sections, Integer restoredFrom) {
    }

    record RevisionWithContentView(int revision, int versionNumber, String source, String actor, String createdAt,
                                   List<String> sections, Integer restoredFrom, JsonNode content) {
    }

    /** GET .../generation-status: the shape the replaced system's web client polls. */
    record GenerationOverviewView(Map<String, OverviewEntryView> artifacts, boolean allComplete, boolean anyFailed,
                                  String generationId) {
    }

    record OverviewEntryView(String status, boolean hasContent) {
    }

    /** One server-sent event: what changed about which artifact. */
    record ChangeView(String projectId, String artifactId, String artifactType, String kind, String generationStatus,
                      int versionNumber, String at) {
    }

    /** A section the model has just finished writing: a preview, not yet validated or stored. */
    record SectionDraftView(String projectId, String artifactId, String artifactType, String kind,
                            String generationStatus, int versionNumber, String at, String section, JsonNode value) {
    }

    static ArtifactView artifact(Artifact a) {
        return new ArtifactView(a.id().toString(), a.projectId().toString(), a.type().wireName(), a.versionNumber(),
                a.currentContent(), a.previousContent(), a.hasUserEdits(), a.editedSections(),
                a.annotations().stream().map(Views::annotation).toList(), a.status().wireName(), error(a.error()),
                a.schemaVersion(), time(a.createdAt()), time(a.updatedAt()), a.isStale(), writtenFrom(a.writtenFrom()));
    }

    static GenerationOverviewView overview(GenerationOverview o) {
        Map<String, OverviewEntryView> entries = new LinkedHashMap<>();
        o.artifacts().forEach((type, entry) -> entries.put(type.wireName(),
                new OverviewEntryView(entry.status().wireName(), entry.hasContent())));
        return new GenerationOverviewView(entries, o.allComplete(), o.anyFailed(),
                o.activeGeneration().map(GenerationId::toString).orElse(null));
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

    static RevisionView revision(RevisionSummary r) {
        return new RevisionView(r.number(), r.versionNumber(), r.source().wireName(), r.actor(), time(r.createdAt()),
                r.sections(), number(r.restoredFrom()));
    }

    static RevisionWithContentView revisionWithContent(Revision r) {
        return new RevisionWithContentView(r.number(), r.versionNumber(), r.source().wireName(), r.actor(),
                time(r.createdAt()), r.sections(), number(r.restoredFrom()), r.content());
    }

    /** {@code {from, to, changes}}; a change carries only the members its op has (API.md). */
    static ObjectNode diff(DiffRevisions.RevisionDiff diff) {
        ObjectNode view = JsonNodeFactory.instance.objectNode().put("from", diff.from()).put("to", diff.to());
        ArrayNode changes = view.putArray("changes");
        for (Change change : diff.changes()) {
            ObjectNode item = changes.addObject().put("path", change.path()).put("op", change.op());
            switch (change) {
                case Change.Added added -> item.set("after", added.after());
                case Change.Removed removed -> item.set("before", removed.before());
                case Change.Changed changed -> {
                    item.set("before", changed.before());
                    item.set("after", changed.after());
                    if (!changed.segments().isEmpty()) {
                        ArrayNode segments = item.putArray("segments");
                        changed.segments().forEach(segment -> segments.addObject()
                                .put("op", segment.op().wireName()).put("text", segment.text()));
                    }
                }
            }
        }
        return view;
    }

    static Object change(ArtifactChange c) {
        if (c.draft().isPresent()) {
            ArtifactChange.SectionDraft draft = c.draft().get();
            return new SectionDraftView(c.projectId().toString(), c.artifactId().toString(), c.type().wireName(),
                    c.kind().wireName(), c.status().wireName(), c.versionNumber(), time(c.at()), draft.section(),
                    draft.value());
        }
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

    /** Dependency wire name → revision, in generation order. */
    private static Map<String, Integer> writtenFrom(Map<ArtifactType, Integer> writtenFrom) {
        Map<String, Integer> wire = new LinkedHashMap<>();
        new TreeMap<>(writtenFrom).forEach((type, revision) -> wire.put(type.wireName(), revision));
        return wire;
    }

    private static Integer number(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
