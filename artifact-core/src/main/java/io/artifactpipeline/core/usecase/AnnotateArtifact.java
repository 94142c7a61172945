package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.port.IdSource;
import io.artifactpipeline.core.schema.ArtifactSchemas;

import java.time.Clock;

/** A founder attaches a note to a section; notes live beside content and survive regeneration. */
public final class AnnotateArtifact {
    private final ArtifactStore artifacts;
    private final ArtifactEvents events;
    private final Clock clock;
    private final IdSource ids;

    public AnnotateArtifact(ArtifactStore artifacts, ArtifactEvents events, Clock clock, IdSource ids) {
        this.artifacts = artifacts;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
    }

    public Artifact annotate(Actor actor, ArtifactId id, String sectionId, String note) {
        Artifact artifact = artifacts.find(actor.userId(), id).orElseThrow(() -> new NotFoundException("artifact"));
        if (sectionId == null || ArtifactSchemas.of(artifact.type()).section(sectionId).isEmpty()) {
            throw InvalidInputException.of("section_id", "'" + sectionId + "' is not a section of "
                    + artifact.type().wireName());
        }
        if (note == null || note.isBlank() || note.length() > Annotation.MAX_NOTE_LENGTH) {
            throw InvalidInputException.of("note", "must be 1.." + Annotation.MAX_NOTE_LENGTH + " characters");
        }
        Annotation annotation = new Annotation(new AnnotationId(ids.next()), sectionId, note, clock.instant());
        Artifact saved = artifacts.addAnnotation(actor.userId(), id, annotation);
        events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.ANNOTATED));
        return saved;
    }
}
