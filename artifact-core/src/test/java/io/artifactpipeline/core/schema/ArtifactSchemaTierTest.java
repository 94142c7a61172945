package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.Tier.BOOTSTRAPPER;
import static io.artifactpipeline.core.model.Tier.CTO_SCALE;
import static io.artifactpipeline.core.model.Tier.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/** What a tier gets: the filter applied to a model's answer, and the JSON Schema the model is given. */
class ArtifactSchemaTierTest {

    @ParameterizedTest
    @EnumSource(ArtifactType.class)
    void filteringToATierRemovesExactlyTheSectionsAboveIt(ArtifactType type) {
        ArtifactSchema schema = ArtifactSchemas.of(type);
        ObjectNode full = SampleContent.full(type);
        for (Tier tier : Tier.values()) {
            ObjectNode filtered = schema.filterToTier(full, tier);
            assertThat(keys(filtered)).as("%s at %s", type, tier).containsExactlyElementsOf(schema.sectionKeysFor(tier));
            schema.sectionKeysFor(tier).forEach(key -> assertThat(filtered.get(key)).isEqualTo(full.get(key)));
        }
    }

    @Test
    void bootstrapperLosesBusinessAndStrategicSections() {
        ObjectNode filtered = ArtifactSchemas.of(BRIEF).filterToTier(SampleContent.full(BRIEF), BOOTSTRAPPER);
        assertThat(filtered.has("market_analysis")).isFalse();
        assertThat(filtered.has("competitive_strategy")).isFalse();
        assertThat(ArtifactSchemas.of(BRIEF).validate(filtered, BOOTSTRAPPER)).isEmpty();
    }

    @Test
    void ctoScaleKeepsEverything() {
        ObjectNode full = SampleContent.full(MVP_SCOPE);
        assertThat(ArtifactSchemas.of(MVP_SCOPE).filterToTier(full, CTO_SCALE)).isEqualTo(full);
    }

    @Test
    void unknownKeysSurviveTheFilterSoThatValidationReportsThem() {
        ObjectNode answer = SampleContent.full(BRIEF).put("pricing", "Free");
        ObjectNode filtered = ArtifactSchemas.of(BRIEF).filterToTier(answer, PARTNER);
        assertThat(filtered.get("pricing").asText()).isEqualTo("Free");
        assertThat(filtered.has("competitive_strategy")).isFalse();
        assertThat(ArtifactSchemas.of(BRIEF).validate(filtered, PARTNER)).extracting(Violation::path)
                .containsExactly("/pricing");
    }

    @Test
    void filteringLeavesTheAnswerAsItWas() {
        ObjectNode answer = SampleContent.full(BRIEF);
        ArtifactSchemas.of(BRIEF).filterToTier(answer, BOOTSTRAPPER);
        assertThat(answer).isEqualTo(SampleContent.full(BRIEF));
    }

    @ParameterizedTest
    @EnumSource(ArtifactType.class)
    void theJsonSchemaOfATierRequiresExactlyItsSectionsAndNothingElse(ArtifactType type) {
        ArtifactSchema schema = ArtifactSchemas.of(type);
        for (Tier tier : Tier.values()) {
            ObjectNode json = schema.jsonSchema(tier);
            assertThat(json.get("type").asText()).isEqualTo("object");
            assertThat(json.get("title").asText()).isEqualTo(type.wireName());
            assertThat(texts(json.get("required"))).as("%s at %s", type, tier)
                    .containsExactlyElementsOf(schema.sectionKeysFor(tier));
            assertThat(keys((ObjectNode) json.get("properties"))).containsExactlyElementsOf(schema.sectionKeysFor(tier));
            assertThat(json.get("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @Test
    void everySectionPropertyCarriesItsDescription() {
        ObjectNode properties = (ObjectNode) ArtifactSchemas.of(BRIEF).jsonSchema(CTO_SCALE).get("properties");
        assertThat(properties.get("target_user").get("description").asText())
                .isEqualTo(ArtifactSchemas.of(BRIEF).section("target_user").orElseThrow().description());
    }

    @Test
    void shapesBecomeTheirJsonSchemaCounterparts() {
        JsonNode brief = ArtifactSchemas.of(BRIEF).jsonSchema(BOOTSTRAPPER).get("properties");
        assertThat(brief.at("/target_user/type").asText()).isEqualTo("string");
        assertThat(brief.at("/target_user/minLength").asInt()).isEqualTo(1);
        assertThat(brief.at("/differentiation_points/type").asText()).isEqualTo("array");
        assertThat(brief.at("/differentiation_points/items/type").asText()).isEqualTo("string");
        assertThat(brief.at("/differentiation_points/minItems").asInt()).isEqualTo(1);
        assertThat(brief.at("/differentiation_points/maxItems").asInt()).isEqualTo(10);

        JsonNode milestones = ArtifactSchemas.of(MILESTONES).jsonSchema(BOOTSTRAPPER).get("properties");
        assertThat(milestones.at("/total_duration_weeks/type").asText()).isEqualTo("integer");
        assertThat(milestones.at("/total_duration_weeks/minimum").asInt()).isEqualTo(1);
        assertThat(milestones.has("critical_path")).isTrue();
        assertThat(milestones.at("/critical_path/minItems").isMissingNode()).as("a list may be empty").isTrue();
        assertThat(milestones.at("/critical_path/maxItems").asInt()).as("the bound of a list the spec gives none")
                .isEqualTo(50);
    }

    @Test
    void listItemsAreClosedObjectsWithEveryFieldRequired() {
        JsonNode features = ArtifactSchemas.of(MVP_SCOPE).jsonSchema(BOOTSTRAPPER).at("/properties/core_features");
        assertThat(features.get("minItems").asInt()).isEqualTo(1);
        assertThat(features.get("maxItems").asInt()).isEqualTo(20);
        JsonNode item = features.get("items");
        assertThat(item.get("type").asText()).isEqualTo("object");
        assertThat(texts(item.get("required"))).containsExactly("name", "description", "priority");
        assertThat(item.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(texts(item.at("/properties/priority/enum"))).containsExactly("high", "medium", "low");
    }

    private static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
