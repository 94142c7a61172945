package io.artifactpipeline.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.ArtifactSchema;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.llm.offline.OfflineProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Model requests as the core's ArtifactWriter builds them, for one fixed founder project. */
public final class TestRequests {
    public static final String IDEA = "A booking app for independent dog groomers. Owners book a slot in two taps, "
            + "groomers stop answering the phone while their hands are wet.";
    public static final Map<String, String> ANSWERS = answers();
    private static final OfflineProvider OFFLINE = new OfflineProvider(Duration.ZERO);

    private TestRequests() {
    }

    private static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Who is it for?", "Independent dog groomers with one van and no receptionist");
        answers.put("What is the main constraint?", "One developer, twelve weeks and 20k EUR");
        answers.put("How is it different from existing tools?", "Owners book by SMS and never install an app");
        return answers;
    }

    public static Project project() {
        return project(IDEA, ANSWERS);
    }

    public static Project project(String idea, Map<String, String> answers) {
        return new Project(new ProjectId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                new UserId("founder-1"), "Dog grooming bookings", idea, answers, Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** A first-generation request whose dependencies are offline drafts of the same project. */
    public static ModelRequest request(ArtifactType type, Tier tier) {
        return request(type, tier, project());
    }

    public static ModelRequest request(ArtifactType type, Tier tier, Project project) {
        Map<ArtifactType, ObjectNode> dependencies = new LinkedHashMap<>();
        for (ArtifactType dependency : type.dependencies()) {
            dependencies.put(dependency, OFFLINE.write(request(dependency, tier, project)).content());
        }
        return request(type, tier, project, dependencies);
    }

    public static ModelRequest request(ArtifactType type, Tier tier, Project project,
                                       Map<ArtifactType, ObjectNode> dependencies) {
        ArtifactSchema schema = ArtifactSchemas.of(type);
        return ModelRequest.firstDraft(type, tier, schema.jsonSchema(tier), schema.sectionKeysFor(tier), project,
                dependencies);
    }

    /** Valid content of the type for the tier (an offline draft), for stub servers to answer with. */
    public static ObjectNode validContent(ArtifactType type, Tier tier) {
        return OFFLINE.write(request(type, tier)).content();
    }
}
