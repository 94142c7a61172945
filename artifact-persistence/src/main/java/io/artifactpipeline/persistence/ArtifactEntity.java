package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Lineage;
import io.artifactpipeline.core.model.ProjectId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The artifact row. Annotations are read through a join but written only as their own rows, so no
 * write to this entity (a worker's above all) can drop a note added meanwhile.
 */
@Entity
@Table(name = "artifact")
class ArtifactEntity {
    @Id
    private UUID id;
    private UUID projectId;
    @Enumerated(EnumType.STRING)
    @Column(name = "artifact_type")
    private ArtifactType type;
    private int versionNumber;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ObjectNode currentContent;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ObjectNode previousContent;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Strings.class)
    private List<String> editedSections;
    @Enumerated(EnumType.STRING)
    private ArtifactStatus status;
    private String errorCode;
    private String errorMessage;
    private int schemaVersion;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long rowVersion;
    /** The number of the latest revision; the store advances it with each revision it appends. */
    private int headRevision;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ObjectNode writtenFrom;
    @OneToMany
    @JoinColumn(name = "artifact_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<AnnotationEntity> annotations = new ArrayList<>();

    protected ArtifactEntity() {
    }

    /**
     * Takes every field of the artifact that a write may change: all but its identity and annotations.
     * The row version is Hibernate's to bump on flush.
     */
    void copyContentAndStatus(Artifact artifact) {
        versionNumber = artifact.versionNumber();
        currentContent = artifact.currentContent();
        previousContent = artifact.previousContent();
        editedSections = List.copyOf(artifact.editedSections());
        status = artifact.status();
        errorCode = ErrorColumns.code(artifact.error());
        errorMessage = ErrorColumns.message(artifact.error());
        schemaVersion = artifact.schemaVersion();
        updatedAt = StoredTime.of(artifact.updatedAt());
        writtenFrom = WrittenFrom.column(artifact.writtenFrom());
    }

    /**
     * Takes the next revision number as the latest and returns it. Callers hold the row (a lock, or the
     * row version Hibernate checks on flush), so two appenders never take the same number.
     */
    int advanceHead() {
        headRevision++;
        return headRevision;
    }

    ArtifactType type() {
        return type;
    }

    int headRevision() {
        return headRevision;
    }

    void touch(Instant at) {
        updatedAt = at;
    }

    UUID id() {
        return id;
    }

    long rowVersion() {
        return rowVersion;
    }

    boolean isGenerating() {
        return status == ArtifactStatus.GENERATING;
    }

    Artifact toArtifact() {
        ArtifactError error = ErrorColumns.read(errorCode, errorMessage);
        return new Artifact(new ArtifactId(id), new ProjectId(projectId), type, versionNumber, currentContent,
                previousContent, editedSections, annotations.stream().map(AnnotationEntity::toAnnotation).toList(),
                status, error, schemaVersion, createdAt, updatedAt, rowVersion,
                new Lineage(headRevision, WrittenFrom.value(writtenFrom), Map.of()));
    }
}
