package io.artifactpipeline.persistence;

import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.GenerationItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "generation_item")
class GenerationItemEntity {
    @Id
    private UUID id;
    @Column(name = "generation_id")
    private UUID generationId;
    private int position;
    @Enumerated(EnumType.STRING)
    private ArtifactType artifactType;
    private UUID artifactId;
    @Enumerated(EnumType.STRING)
    private GenerationItem.Status status;
    private String errorCode;
    private String errorMessage;

    protected GenerationItemEntity() {
    }

    GenerationItem toItem() {
        return new GenerationItem(artifactType, new ArtifactId(artifactId), status, ErrorColumns.read(errorCode, errorMessage));
    }
}
