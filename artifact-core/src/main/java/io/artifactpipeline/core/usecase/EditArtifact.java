package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A founder replaces a section, or one value inside it. The edit is checked against the type's schema
 * and the caller's tier, recorded in the history, and never lost to a concurrent change: with an
 * expected row version (If-Match) a stale edit is refused; without one, it is re-applied to the newer
 * artifact, so both edits land.
 */
public final class EditArtifact {
    private static final int ATTEMPTS_WITHOUT_EXPECTATION = 5;

    private final ArtifactStore artifacts;
    private final ArtifactEvents events;
    private final Clock clock;

    public EditArtifact(ArtifactStore artifacts, ArtifactEvents events, Clock clock) {
        this.artifacts = artifacts;
        this.events = events;
        this.clock = clock;
    }

    /** @param expectedRowVersion the row version the caller last saw, or empty to edit whatever is current */
    public record Command(ArtifactId artifactId, SectionPath path, JsonNode newValue, OptionalLong expectedRowVersion) {
        public Command {
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(expectedRowVersion, "expectedRowVersion");
            if (newValue == null || newValue.isMissingNode()) {
                throw InvalidInputException.of("new_value", "is required");
            }
        }

        /**
         * Parses the path as a client sent it: a section key or a JSON Pointer into the content.
         *
         * @throws InvalidInputException when it names no section
         */
        public static Command of(ArtifactId artifactId, String sectionPath, JsonNode newValue,
                                 OptionalLong expectedRowVersion) {
            if (sectionPath == null || sectionPath.isEmpty() || "/".equals(sectionPath)) {
                throw InvalidInputException.of("section_path", "is required");
            }
            try {
                return new Command(artifactId, SectionPath.parse(sectionPath), newValue, expectedRowVersion);
            } catch (IllegalArgumentException noSection) {
                throw InvalidInputException.of("section_path", "must start with a section key");
            }
        }

        /** An edit of whatever is current. */
        public static Command of(ArtifactId artifactId, String sectionPath, JsonNode newValue) {
            return of(artifactId, sectionPath, newValue, OptionalLong.empty());
        }
    }

    public Artifact edit(Actor actor, Command command) {
        for (int attempt = 1; ; attempt++) {
            Artifact artifact = artifacts.ownedArtifact(actor.userId(), command.artifactId());
            if (command.expectedRowVersion().isPresent()
                    && command.expectedRowVersion().getAsLong() != artifact.rowVersion()) {
                throw new StaleArtifactException();
            }
            if (artifact.isGenerating()) {
                throw new ArtifactBusyException();
            }
            List<Violation> violations = ArtifactSchemas.of(artifact.type())
                    .validateEdit(artifact.currentContent(), command.path(), command.newValue(), actor.tier());
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            Artifact edited = artifact.withEdit(command.path(), command.newValue(), clock.instant());
            try {
                Artifact saved = artifacts.saveEdit(edited, artifact.rowVersion(),
                        edited.editRevision(actor.userId(), command.path()));
                events.publish(ArtifactChange.of(saved, ArtifactChange.Kind.EDITED));
                events.publishAll(ArtifactChange.staleAfter(saved,
                        () -> artifacts.listByProject(actor.userId(), saved.projectId())));
                return saved;
            } catch (StaleArtifactException concurrentChange) {
                if (command.expectedRowVersion().isPresent() || attempt == ATTEMPTS_WITHOUT_EXPECTATION) {
                    throw concurrentChange;
                }
            }
        }
    }
}
