package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A founder's note; its own row, so that worker writes to the artifact row can never touch it. */
@Entity
@Table(name = "annotation")
class AnnotationEntity {
    @Id
    private UUID id;
    @Column(name = "artifact_id")
    private UUID artifactId;
    private int position;
    private String sectionId;
    private String note;
    private Instant createdAt;

    protected AnnotationEntity() {
    }

    static AnnotationEntity of(UUID artifactId, int position, Annotation annotation) {
        AnnotationEntity entity = new AnnotationEntity();
        entity.id = annotation.id().value();
        entity.artifactId = artifactId;
        entity.position = position;
        entity.sectionId = annotation.sectionId();
        entity.note = annotation.note();
        entity.createdAt = StoredTime.of(annotation.createdAt());
        return entity;
    }

    Annotation toAnnotation() {
        return new Annotation(new AnnotationId(id), sectionId, note, createdAt);
    }
}
