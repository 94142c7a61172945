package io.artifactpipeline.core.usecase;

import io.artifactpipeline.core.error.InvalidInputException;
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
import io.artifactpipeline.core.schema.Texts;

import java.time.Clock;
import java.util.Objects;

/** A founder attaches a note to a section; notes live beside content and survive regeneration. */
public final class AnnotateArtifact {
    public static final int MAX_ANNOTATIONS = 200;

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

    /**
     * A note for one section. Whether the section belongs to the artifact's type is checked by
     * {@link #annotate}, which knows the type.
     */
    public record Command(ArtifactId artifactId, String sectionId, String note) {
        public Command {
            Objects.requireNonNull(artifactId, "artifactId");
            if (sectionId == null || sectionId.isBlank()) {
                throw InvalidInputException.of("section_id", "is required");
            }
            if (note == null || note.isBlank() || note.length() > Annotation.MAX_NOTE_LENGTH) {
                throw InvalidInputException.of("note", "must be 1.." + Annotation.MAX_NOTE_LENGTH + " characters");
            }
            if (Texts.hasNul(note)) {
                throw InvalidInputException.of("note", Texts.NO_NUL);
            }
        }
    }

    public Artifact annotate(Actor actor, Command command) {
        Artifact artifact = artifacts.ownedArtifact(actor.userId(), command.artifactId());
        if (ArtifactSchemas.of(artifact.type()).section(command.sectionId()).isEmpty()) {
            throw InvalidInputException.of("section_id", "'" + command.sectionId() + "' is not a section of "
                    + artifact.type().wireName());
        }
        if (artifact.annotations().size() >= MAX_ANNOTATIONS) {
            throw InvalidInputException.of("", "an artifact may have at most " + MAX_ANNOTATIONS + " notes");
        }
        Annotation annotation = new Annotation(new AnnotationId(ids.next()), command.sectionId(), command.note(),
                clock.instant());
        Artifact saved = artifacts.addAnnotation(actor.userId(), command.artifactId(), annotation);
        events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.ANNOTATED));
        return saved;
    }
}
