package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.testing.SampleContent;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ARTIFACTS.md's limits, enforced in the core so that embedded users get them too: each a clear 422. */
class LimitsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final TestPipeline t = TestPipeline.create();
    private final Project project = t.generatedProject(ALICE);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aTextLongerThan20000CharactersIsRefused() {
        assertEditRefused("target_user", TextNode.valueOf("x".repeat(20_001)), "allows at most 20000 characters");
        Artifact edited = edit("target_user", TextNode.valueOf("x".repeat(20_000)));
        assertThat(edited.currentContent().get("target_user").asText()).hasSize(20_000);
    }

    @Test
    void aListWithoutABoundInTheSpecHoldsAtMost50Items() {
        ArrayNode fiftyOne = JSON.arrayNode();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add("Not in the first version, item " + i);
        }
        assertThat(violations(ArtifactType.MVP_SCOPE, "out_of_scope", fiftyOne))
                .extracting(Violation::message).containsExactly("allows at most 50 items");
        assertThat(ArtifactSchemas.of(ArtifactType.MVP_SCOPE).jsonSchema(Tier.BOOTSTRAPPER)
                .at("/properties/out_of_scope/maxItems").asInt()).isEqualTo(50);
    }

    @Test
    void aWholeContentOver256KibIsRefused() {
        ObjectNode content = SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        ArrayNode points = content.putArray("differentiation_points");
        for (int i = 0; i < 10; i++) {
            points.add("y".repeat(19_000));
        }
        content.put("problem_statement", "z".repeat(19_000));
        content.put("target_user", "z".repeat(19_000));
        content.put("value_proposition", "z".repeat(19_000));
        content.put("key_constraint", "z".repeat(19_000));
        assertThat(ArtifactSchemas.of(ArtifactType.BRIEF).validate(content, Tier.BOOTSTRAPPER))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("at most 262144 are allowed"));
    }

    @Test
    void nulCharactersAreRefusedInEveryText() {
        assertEditRefused("target_user", TextNode.valueOf("Bakers\u0000"), "must not contain NUL characters");
        assertThatThrownBy(() -> new CreateProject.Command(null, "Idea\u0000", Map.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CreateProject.Command(null, "Idea", Map.of("Who\u0000?", "Bakers")))
                .isInstanceOf(InvalidInputException.class);
        ArtifactId any = new ArtifactId(UUID.randomUUID());
        assertThatThrownBy(() -> new AnnotateArtifact.Command(any, "target_user", "note\u0000"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RegenerateArtifact.Command(any, true, Optional.of("shorter\u0000")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anArtifactHoldsAtMost200Notes() {
        Artifact brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        for (int i = 0; i < 200; i++) {
            t.pipeline().annotateArtifact().annotate(ALICE, new AnnotateArtifact.Command(brief.id(), "target_user", "n" + i));
        }
        assertThatThrownBy(() -> t.pipeline().annotateArtifact().annotate(ALICE,
                new AnnotateArtifact.Command(brief.id(), "target_user", "one too many")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 200 notes");
        assertThat(t.artifact(ALICE, project.id(), ArtifactType.BRIEF).annotations()).hasSize(200);
    }

    @Test
    void aUserHoldsAtMost1000Projects() {
        Actor prolific = Actor.of("prolific", Tier.BOOTSTRAPPER);
        for (int i = 0; i < 1_000; i++) {
            t.pipeline().createProject().create(prolific, new CreateProject.Command(null, "Idea " + i, Map.of()));
        }
        assertThatThrownBy(() -> t.pipeline().createProject().create(prolific,
                new CreateProject.Command(null, "One more", Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000 projects");
    }

    @Test
    void aRefusalListsAtMost20Problems() {
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(new Violation("/" + i, "is wrong"));
        }
        InvalidInputException refused = new InvalidInputException(many);
        assertThat(refused.violations()).hasSize(20);
        assertThat(refused.getMessage()).isEqualTo("45 invalid values; the first 20 are listed");
    }

    private List<Violation> violations(ArtifactType type, String section, JsonNode value) {
        ObjectNode content = SampleContent.forTier(type, Tier.BOOTSTRAPPER);
        content.set(section, value);
        return ArtifactSchemas.of(type).validate(content, Tier.BOOTSTRAPPER);
    }

    private Artifact edit(String section, JsonNode value) {
        Artifact brief = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        return t.pipeline().editArtifact().edit(ALICE, EditArtifact.Command.of(brief.id(), section, value));
    }

    private void assertEditRefused(String section, JsonNode value, String message) {
        Artifact before = t.artifact(ALICE, project.id(), ArtifactType.BRIEF);
        assertThatThrownBy(() -> edit(section, value)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).extracting(Violation::message).containsExactly(message));
        assertThat(t.artifact(ALICE, project.id(), ArtifactType.BRIEF)).isEqualTo(before);
    }
}
