package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One planning document of a project, with the rules for changing it. Instances are immutable values:
 * every rule returns a new artifact. Content nodes are treated as read-only once inside an artifact;
 * the rules copy before they change anything.
 *
 * @param versionNumber 0 until first written, 1 after the first generation, +1 per regeneration
 * @param rowVersion    bumped by the store on every change; the basis of ETags and optimistic locking
 * @param lineage       its latest revision, what it was written from, and whether that is still current
 */
public record Artifact(ArtifactId id, ProjectId projectId, ArtifactType type, int versionNumber,
                       ObjectNode currentContent, ObjectNode previousContent, List<String> editedSections,
                       List<Annotation> annotations, ArtifactStatus status, ArtifactError error, int schemaVersion,
                       Instant createdAt, Instant updatedAt, long rowVersion, Lineage lineage) {

    public Artifact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currentContent, "currentContent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        editedSections = List.copyOf(editedSections);
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(lineage, "lineage");
        if (status == ArtifactStatus.FAILED && error == null) {
            throw new IllegalArgumentException("a failed artifact needs its error");
        }
    }

    /** An artifact with no history yet known (a new one, or one built by hand). */
    public Artifact(ArtifactId id, ProjectId projectId, ArtifactType type, int versionNumber,
                    ObjectNode currentContent, ObjectNode previousContent, List<String> editedSections,
                    List<Annotation> annotations, ArtifactStatus status, ArtifactError error, int schemaVersion,
                    Instant createdAt, Instant updatedAt, long rowVersion) {
        this(id, projectId, type, versionNumber, currentContent, previousContent, editedSections, annotations, status,
                error, schemaVersion, createdAt, updatedAt, rowVersion, Lineage.NONE);
    }

    /** A new artifact about to be written for the first time: empty content, already generating. */
    public static Artifact awaitingFirstGeneration(ArtifactId id, ProjectId projectId, ArtifactType type,
                                                   int schemaVersion, Instant now) {
        return new Artifact(id, projectId, type, 0, JsonNodeFactory.instance.objectNode(), null, List.of(),
                List.of(), ArtifactStatus.GENERATING, null, schemaVersion, now, now, 0);
    }

    public boolean hasUserEdits() {
        return !editedSections.isEmpty();
    }

    public boolean hasContent() {
        return versionNumber > 0;
    }

    public boolean isGenerating() {
        return status == ArtifactStatus.GENERATING;
    }

    public Artifact markedGenerating(Instant now) {
        return new Artifact(id, projectId, type, versionNumber, currentContent, previousContent, editedSections,
                annotations, ArtifactStatus.GENERATING, null, schemaVersion, createdAt, now, rowVersion, lineage);
    }

    public Artifact failed(ArtifactError reason, Instant now) {
        return new Artifact(id, projectId, type, versionNumber, currentContent, previousContent, editedSections,
                annotations, ArtifactStatus.FAILED, reason, schemaVersion, createdAt, now, rowVersion, lineage);
    }

    /** Some dependency changed after this content was written from it (see {@link Lineage}). */
    public boolean isStale() {
        return lineage.isStale();
    }

    /** What this content was written from: dependency type → its revision number then. */
    public Map<ArtifactType, Integer> writtenFrom() {
        return lineage.writtenFrom();
    }

    /**
     * The model wrote new content from the given revisions of the dependencies: the first write is
     * version 1; a later one keeps the old content as previous, bumps the version and clears the edits
     * it overwrote.
     */
    public Artifact withGeneratedContent(ObjectNode content, int writtenSchemaVersion,
                                         Map<ArtifactType, Integer> writtenFrom, Instant now) {
        boolean first = !hasContent();
        return new Artifact(id, projectId, type, versionNumber + 1, content, first ? previousContent : currentContent,
                List.of(), annotations, ArtifactStatus.IDLE, null, writtenSchemaVersion, createdAt, now, rowVersion,
                lineage.withWrittenFrom(writtenFrom));
    }

    /** As {@link #withGeneratedContent(ObjectNode, int, Map, Instant)} for content written from no dependency. */
    public Artifact withGeneratedContent(ObjectNode content, int writtenSchemaVersion, Instant now) {
        return withGeneratedContent(content, writtenSchemaVersion, Map.of(), now);
    }

    /** The revision recording content this artifact just received from the model. */
    public Revision generatedRevision() {
        RevisionSource source = versionNumber == 1 ? RevisionSource.GENERATED : RevisionSource.REGENERATED;
        return new Revision(id, 0, versionNumber, source, Revision.MODEL_ACTOR, updatedAt, topLevelKeys(currentContent),
                currentContent, editedSections, writtenFrom(), OptionalInt.empty());
    }

    /**
     * A revision brought back: its content (already cut to the caller's tier) and the edit marks it had
     * within that content; counts like a regeneration for the version and the previous content.
     */
    public Artifact restoredTo(Revision revision, ObjectNode content, int checkedSchemaVersion, Instant now) {
        List<String> marks = revision.editedSections().stream().filter(content::has).toList();
        return new Artifact(id, projectId, type, versionNumber + 1, content, currentContent, marks, annotations,
                ArtifactStatus.IDLE, null, checkedSchemaVersion, createdAt, now, rowVersion,
                lineage.withWrittenFrom(revision.writtenFrom()));
    }

    /** The revision recording a restore: the sections whose value the restore changed. */
    public Revision restoredRevision(UserId restorer, int restoredFrom) {
        List<String> changed = new ArrayList<>();
        for (String key : topLevelKeys(currentContent)) {
            if (!currentContent.get(key).equals(previousContent == null ? null : previousContent.get(key))) {
                changed.add(key);
            }
        }
        if (previousContent != null) {
            topLevelKeys(previousContent).stream().filter(key -> !currentContent.has(key)).forEach(changed::add);
        }
        return new Revision(id, 0, versionNumber, RevisionSource.RESTORED, restorer.value(), updatedAt, changed,
                currentContent, editedSections, writtenFrom(), OptionalInt.of(restoredFrom));
    }

    /**
     * A founder replaced one section, or one value inside it. The path has been validated against the
     * schema; this only applies it and records the edit.
     */
    public Artifact withEdit(SectionPath path, JsonNode value, Instant now) {
        ObjectNode edited = currentContent.deepCopy();
        path.write(edited, value.deepCopy());
        List<String> sections = new ArrayList<>(editedSections);
        if (!sections.contains(path.section())) {
            sections.add(path.section());
        }
        return new Artifact(id, projectId, type, versionNumber, edited, previousContent, sections, annotations,
                status, error, schemaVersion, createdAt, now, rowVersion, lineage);
    }

    public Revision editRevision(UserId editor, SectionPath path) {
        return new Revision(id, 0, versionNumber, RevisionSource.EDITED, editor.value(), updatedAt,
                List.of(path.section()), currentContent, editedSections, writtenFrom(), OptionalInt.empty());
    }

    public Artifact withAnnotation(Annotation annotation) {
        List<Annotation> all = new ArrayList<>(annotations);
        all.add(annotation);
        return new Artifact(id, projectId, type, versionNumber, currentContent, previousContent, editedSections, all,
                status, error, schemaVersion, createdAt, annotation.createdAt(), rowVersion, lineage);
    }

    /** The same artifact as the store saved it, under its new row version. */
    public Artifact withRowVersion(long newRowVersion) {
        return new Artifact(id, projectId, type, versionNumber, currentContent, previousContent, editedSections,
                annotations, status, error, schemaVersion, createdAt, updatedAt, newRowVersion, lineage);
    }

    /** The same artifact with its lineage as the store knows it. */
    public Artifact withLineage(Lineage known) {
        return new Artifact(id, projectId, type, versionNumber, currentContent, previousContent, editedSections,
                annotations, status, error, schemaVersion, createdAt, updatedAt, rowVersion, known);
    }

    private static List<String> topLevelKeys(ObjectNode content) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
