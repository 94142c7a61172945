package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.Json;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static io.artifactpipeline.core.model.Tier.BOOTSTRAPPER;
import static io.artifactpipeline.core.model.Tier.CTO_SCALE;
import static io.artifactpipeline.core.model.Tier.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Whole-content validation: what a model's answer must satisfy before it is stored. */
class ArtifactSchemaValidationTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @ParameterizedTest
    @EnumSource(ArtifactType.class)
    void theSampleOfEveryTypeIsValidAtEveryTier(ArtifactType type) {
        for (Tier tier : Tier.values()) {
            assertThat(validate(type, tier, SampleContent.forTier(type, tier))).as("%s at %s", type, tier).isEmpty();
        }
    }

    // --- sections

    @Test
    void everySectionOfTheTierIsRequired() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, JSON.objectNode())).extracting(Violation::path, Violation::message)
                .containsExactly(
                        tuple("/problem_statement", "is required"),
                        tuple("/target_user", "is required"),
                        tuple("/value_proposition", "is required"),
                        tuple("/key_constraint", "is required"),
                        tuple("/differentiation_points", "is required"));
    }

    @Test
    void aBusinessSectionIsRequiredFromPartnerUp() {
        ObjectNode coreOnly = SampleContent.forTier(MVP_SCOPE, BOOTSTRAPPER);
        assertThat(validate(MVP_SCOPE, PARTNER, coreOnly)).extracting(Violation::path)
                .containsExactly("/technical_architecture");
        assertThat(validate(MVP_SCOPE, CTO_SCALE, coreOnly)).extracting(Violation::path)
                .containsExactly("/technical_architecture", "/scalability_plan");
    }

    @Test
    void aNullSectionCountsAsMissing() {
        ObjectNode content = brief().putNull("target_user");
        assertThat(validate(BRIEF, BOOTSTRAPPER, content)).containsExactly(new Violation("/target_user", "is required"));
    }

    @Test
    void anUnknownSectionIsReported() {
        ObjectNode content = brief().put("pricing", "Free");
        assertThat(validate(BRIEF, BOOTSTRAPPER, content))
                .containsExactly(new Violation("/pricing", "is not a section of brief"));
    }

    @Test
    void aSectionAboveTheTierIsReported() {
        ObjectNode forBootstrapper = brief().put("market_analysis", "Big");
        assertThat(validate(BRIEF, BOOTSTRAPPER, forBootstrapper))
                .containsExactly(new Violation("/market_analysis", "is above the bootstrapper tier"));

        ObjectNode forPartner = SampleContent.forTier(BRIEF, PARTNER).put("competitive_strategy", "Win");
        assertThat(validate(BRIEF, PARTNER, forPartner))
                .containsExactly(new Violation("/competitive_strategy", "is above the partner tier"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode content = brief().put("target_user", "").put("pricing", "Free");
        content.remove("key_constraint");
        assertThat(validate(BRIEF, BOOTSTRAPPER, content)).extracting(Violation::path)
                .containsExactlyInAnyOrder("/target_user", "/key_constraint", "/pricing");
    }

    // --- text

    @Test
    void textMustBeANonEmptyString() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().put("target_user", "")))
                .containsExactly(new Violation("/target_user", "must not be empty"));
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().put("target_user", "   ")))
                .containsExactly(new Violation("/target_user", "must not be empty"));
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().put("target_user", 42)))
                .containsExactly(new Violation("/target_user", "must be a string"));
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().set("target_user", Json.value("['a']"))))
                .containsExactly(new Violation("/target_user", "must be a string"));
    }

    // --- text[]

    @Test
    void aTextListNeedsAtLeastItsMinimum() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().set("differentiation_points", JSON.arrayNode())))
                .containsExactly(new Violation("/differentiation_points", "needs at least 1 item(s)"));
    }

    @Test
    void aTextListAllowsUpToItsMaximum() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().set("differentiation_points", texts(10)))).isEmpty();
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().set("differentiation_points", texts(11))))
                .containsExactly(new Violation("/differentiation_points", "allows at most 10 items"));
    }

    @Test
    void aTextListWithoutABoundInTheSpecMayBeEmptyOrHoldUpTo50() {
        ObjectNode scope = SampleContent.forTier(MVP_SCOPE, BOOTSTRAPPER);
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope.deepCopy().set("out_of_scope", JSON.arrayNode()))).isEmpty();
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope.deepCopy().set("out_of_scope", texts(50)))).isEmpty();
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope.deepCopy().set("out_of_scope", texts(51))))
                .containsExactly(new Violation("/out_of_scope", "allows at most 50 items"));
    }

    @Test
    void everyEntryOfATextListIsANonEmptyString() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().set("differentiation_points", Json.value("['ok', '', 3, null]"))))
                .containsExactly(
                        new Violation("/differentiation_points/1", "must not be empty"),
                        new Violation("/differentiation_points/2", "must be a string"),
                        new Violation("/differentiation_points/3", "must be a string"));
    }

    @Test
    void aTextListMustBeAnArray() {
        assertThat(validate(BRIEF, BOOTSTRAPPER, brief().put("differentiation_points", "No hardware")))
                .containsExactly(new Violation("/differentiation_points", "must be an array"));
    }

    // --- int

    @Test
    void anIntegerMustReachItsMinimum() {
        assertThat(validate(MILESTONES, BOOTSTRAPPER, milestones().put("total_duration_weeks", 1))).isEmpty();
        assertThat(validate(MILESTONES, BOOTSTRAPPER, milestones().put("total_duration_weeks", 0)))
                .containsExactly(new Violation("/total_duration_weeks", "must be at least 1"));
        assertThat(validate(MILESTONES, BOOTSTRAPPER, milestones().put("total_duration_weeks", -3)))
                .containsExactly(new Violation("/total_duration_weeks", "must be at least 1"));
    }

    @Test
    void anIntegerMustBeAWholeNumber() {
        for (JsonNode notWhole : List.of(JSON.numberNode(2.5), JSON.textNode("10"), JSON.numberNode(10_000_000_000L),
                JSON.booleanNode(true))) {
            assertThat(validate(MILESTONES, BOOTSTRAPPER, milestones().set("total_duration_weeks", notWhole)))
                    .as("%s", notWhole).containsExactly(new Violation("/total_duration_weeks", "must be a whole number"));
        }
    }

    @Test
    void anIntegerInsideAListItemIsCheckedToo() {
        ObjectNode content = milestones();
        ((ObjectNode) content.get("milestones").get(1)).put("estimated_weeks", 0);
        assertThat(validate(MILESTONES, BOOTSTRAPPER, content))
                .containsExactly(new Violation("/milestones/1/estimated_weeks", "must be at least 1"));
    }

    // --- enum

    @Test
    void aChoiceMustBeOneOfItsValues() {
        ObjectNode content = scope();
        ((ObjectNode) content.get("core_features").get(0)).put("priority", "urgent");
        ((ObjectNode) content.get("core_features").get(1)).put("priority", 1);
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, content)).containsExactly(
                new Violation("/core_features/0/priority", "must be one of high, medium, low"),
                new Violation("/core_features/1/priority", "must be one of high, medium, low"));
    }

    @Test
    void aChoiceIsCaseSensitive() {
        ObjectNode content = risks();
        ((ObjectNode) content.get("technical_risks").get(0)).put("severity", "HIGH");
        assertThat(validate(RISK_LOG, BOOTSTRAPPER, content)).extracting(Violation::path)
                .containsExactly("/technical_risks/0/severity");
    }

    // --- object lists

    @Test
    void everyFieldOfAListItemIsRequired() {
        ObjectNode content = scope();
        ((ObjectNode) content.get("core_features").get(0)).remove("description");
        ((ObjectNode) content.get("core_features").get(1)).putNull("name");
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, content)).containsExactly(
                new Violation("/core_features/0/description", "is required"),
                new Violation("/core_features/1/name", "is required"));
    }

    @Test
    void aListItemHasNoFieldsBeyondItsShape() {
        ObjectNode content = risks();
        ((ObjectNode) content.get("market_risks").get(0)).put("owner", "Ana");
        assertThat(validate(RISK_LOG, BOOTSTRAPPER, content))
                .containsExactly(new Violation("/market_risks/0/owner", "is not a field of this object"));
    }

    @Test
    void aListItemMustBeAnObject() {
        ObjectNode content = scope();
        ((ArrayNode) content.get("core_features")).add("Daily forecast");
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, content))
                .containsExactly(new Violation("/core_features/2", "must be an object"));
    }

    @Test
    void objectListsHaveTheirBounds() {
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope().set("core_features", JSON.arrayNode())))
                .containsExactly(new Violation("/core_features", "needs at least 1 item(s)"));
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope().set("core_features", copies(scope().get("core_features").get(0), 20))))
                .isEmpty();
        assertThat(validate(MVP_SCOPE, BOOTSTRAPPER, scope().set("core_features", copies(scope().get("core_features").get(0), 21))))
                .containsExactly(new Violation("/core_features", "allows at most 20 items"));
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, journey(15))).isEmpty();
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, journey(16)))
                .containsExactly(new Violation("/user_journey", "allows at most 15 items"));
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, journey(0)))
                .containsExactly(new Violation("/user_journey", "needs at least 1 item(s)"));
    }

    @Test
    void milestonesAllowOneToTwelve() {
        JsonNode pilot = milestones().get("milestones").get(0);
        ObjectNode twelve = milestones().set("milestones", copies(pilot, 12));
        twelve.set("critical_path", Json.value("['Pilot']"));
        assertThat(validate(MILESTONES, BOOTSTRAPPER, twelve)).isEmpty();
        ObjectNode thirteen = twelve.deepCopy().set("milestones", copies(pilot, 13));
        assertThat(validate(MILESTONES, BOOTSTRAPPER, thirteen))
                .containsExactly(new Violation("/milestones", "allows at most 12 items"));
    }

    @Test
    void riskListsAreUnbounded() {
        ObjectNode content = risks().set("technical_risks", JSON.arrayNode());
        content.set("market_risks", copies(risks().get("market_risks").get(0), 50));
        assertThat(validate(RISK_LOG, BOOTSTRAPPER, content)).isEmpty();
    }

    // --- consistency

    @Test
    void everyCriticalPathEntryNamesAMilestone() {
        ObjectNode content = milestones().set("critical_path", Json.value("['Pilot', 'Beta', 'Launch']"));
        assertThat(validate(MILESTONES, BOOTSTRAPPER, content))
                .containsExactly(new Violation("/critical_path/1", "'Beta' is not the title of any of milestones"));
    }

    @Test
    void anEmptyCriticalPathIsConsistent() {
        assertThat(validate(MILESTONES, BOOTSTRAPPER, milestones().set("critical_path", JSON.arrayNode()))).isEmpty();
    }

    @Test
    void userJourneyStepsRunFromOneInOrder() {
        ObjectNode skipped = journey(3);
        ((ObjectNode) skipped.get("user_journey").get(2)).put("step_number", 4);
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, skipped)).containsExactly(
                new Violation("/user_journey/2/step_number", "must be 3: step_number runs 1..3 in order"));

        ObjectNode swapped = journey(2);
        ((ObjectNode) swapped.get("user_journey").get(0)).put("step_number", 2);
        ((ObjectNode) swapped.get("user_journey").get(1)).put("step_number", 1);
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, swapped)).extracting(Violation::path)
                .containsExactly("/user_journey/0/step_number", "/user_journey/1/step_number");

        ObjectNode fromZero = journey(1);
        ((ObjectNode) fromZero.get("user_journey").get(0)).put("step_number", 2);
        assertThat(validate(HOW_IT_WORKS, BOOTSTRAPPER, fromZero)).extracting(Violation::path)
                .containsExactly("/user_journey/0/step_number");
    }

    // --- helpers

    private static List<Violation> validate(ArtifactType type, Tier tier, ObjectNode content) {
        return ArtifactSchemas.of(type).validate(content, tier);
    }

    private static ObjectNode brief() {
        return SampleContent.forTier(BRIEF, BOOTSTRAPPER);
    }

    private static ObjectNode scope() {
        return SampleContent.forTier(MVP_SCOPE, BOOTSTRAPPER);
    }

    private static ObjectNode milestones() {
        return SampleContent.forTier(MILESTONES, BOOTSTRAPPER);
    }

    private static ObjectNode risks() {
        return SampleContent.forTier(RISK_LOG, BOOTSTRAPPER);
    }

    private static ObjectNode journey(int steps) {
        ArrayNode journey = JSON.arrayNode();
        for (int i = 1; i <= steps; i++) {
            journey.addObject().put("step_number", i).put("title", "Step " + i).put("description", "Does " + i);
        }
        return SampleContent.forTier(HOW_IT_WORKS, BOOTSTRAPPER).set("user_journey", journey);
    }

    private static ArrayNode texts(int count) {
        ArrayNode texts = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            texts.add("point " + i);
        }
        return texts;
    }

    private static ArrayNode copies(JsonNode item, int count) {
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            items.add(item.deepCopy());
        }
        return items;
    }
}
