package io.artifactpipeline.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.UserId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "project")
class ProjectEntity {
    @Id
    private UUID id;
    private String ownerId;
    private String name;
    private String idea;
    /** [[question, answer], ...]: pairs in an array, since jsonb would reorder an object's keys. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonMutability.Node.class)
    private ArrayNode answers;
    private Instant createdAt;

    protected ProjectEntity() {
    }

    static ProjectEntity of(Project project) {
        ProjectEntity entity = new ProjectEntity();
        entity.id = project.id().value();
        entity.ownerId = project.owner().value();
        entity.name = project.name();
        entity.idea = project.idea();
        entity.answers = JsonNodeFactory.instance.arrayNode();
        project.answers().forEach((question, answer) -> entity.answers.addArray().add(question).add(answer));
        entity.createdAt = StoredTime.of(project.createdAt());
        return entity;
    }

    Project toProject() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (JsonNode pair : answers) {
            ordered.put(pair.get(0).asText(), pair.get(1).asText());
        }
        return new Project(new ProjectId(id), new UserId(ownerId), name, idea, ordered, createdAt);
    }
}
