package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrictSchemaTest {
    @ParameterizedTest
    @EnumSource(ArtifactType.class)
    void everyTypeAndTierFollowsTheStrictModeRulesAndKeepsItsSections(ArtifactType type) {
        for (Tier tier : Tier.values()) {
            ObjectNode original = ArtifactSchemas.of(type).jsonSchema(tier);

            ObjectNode strict = StrictSchema.of(original);

            assertThat(StrictSchemaRules.violations(strict)).as(type + " " + tier).isEmpty();
            List<String> sections = new ArrayList<>();
            strict.get("properties").fieldNames().forEachRemaining(sections::add);
            assertThat(sections).isEqualTo(ArtifactSchemas.of(type).sectionKeysFor(tier));
            assertThat(strict.get("type").asText()).isEqualTo("object");
        }
    }

    @Test
    void theRulesCheckCanFail() throws Exception {
        // The core's schema keeps bounds strict mode may reject, so the raw schema must not pass.
        ObjectNode raw = ArtifactSchemas.of(ArtifactType.BRIEF).jsonSchema(Tier.BOOTSTRAPPER);
        assertThat(StrictSchemaRules.violations(raw)).anyMatch(v -> v.contains("minLength"));
        ObjectNode open = (ObjectNode) new ObjectMapper().readTree(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[]}");
        assertThat(StrictSchemaRules.violations(open)).hasSize(2);
    }

    @Test
    void enumsAndDescriptionsSurvive() {
        ObjectNode strict = StrictSchema.of(ArtifactSchemas.of(ArtifactType.MVP_SCOPE).jsonSchema(Tier.BOOTSTRAPPER));

        assertThat(strict.at("/properties/core_features/items/properties/priority/enum"))
                .hasSize(3);
        assertThat(strict.at("/properties/core_features/description").asText()).isEqualTo("What the first version does.");
    }
}
