package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** One entry of an artifact's history; inserted once, never updated. */
@Entity
@Immutable
@Table(name = "revision")
class RevisionEntity {
    @Id
    private UUID id;
    private UUID artifactId;
    private int number;
    private int versionNumber;
    @Enumerated(EnumType.STRING)
    private RevisionSource source;
    private String actor;
    private Instant createdAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Strings.class)
    private List<String> sections;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ObjectNode content;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Strings.class)
    private List<String> editedSections;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ObjectNode writtenFrom;
    private Integer restoredFrom;

    protected RevisionEntity() {
    }

    static RevisionEntity of(Revision revision, int number) {
        RevisionEntity entity = new RevisionEntity();
        entity.id = UUID.randomUUID();
        entity.artifactId = revision.artifactId().value();
        entity.number = number;
        entity.versionNumber = revision.versionNumber();
        entity.source = revision.source();
        entity.actor = revision.actor();
        entity.createdAt = StoredTime.of(revision.createdAt());
        entity.sections = List.copyOf(revision.sections());
        entity.content = revision.content();
        entity.editedSections = List.copyOf(revision.editedSections());
        entity.writtenFrom = WrittenFrom.column(revision.writtenFrom());
        entity.restoredFrom = revision.restoredFrom().isPresent() ? revision.restoredFrom().getAsInt() : null;
        return entity;
    }

    Revision toRevision() {
        // Rows older than the marks' columns have none: no edit marks, written from nothing known.
        return new Revision(new ArtifactId(artifactId), number, versionNumber, source, actor, createdAt, sections,
                content, editedSections == null ? List.of() : editedSections, WrittenFrom.value(writtenFrom),
                restoredFrom(restoredFrom));
    }

    static OptionalInt restoredFrom(Integer column) {
        return column == null ? OptionalInt.empty() : OptionalInt.of(column);
    }
}
