package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.testing.Json;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.Tier.BOOTSTRAPPER;
import static io.artifactpipeline.core.model.Tier.CTO_SCALE;
import static io.artifactpipeline.core.model.Tier.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/** Section-edit validation: the path must exist in the schema and tier, the value must fit, content stays consistent. */
class ArtifactSchemaEditValidationTest {

    @Test
    void aTopLevelKeyWithAFittingValueIsAccepted() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "target_user", "'Chain bakeries'")).isEmpty();
        assertThat(edit(BRIEF, BOOTSTRAPPER, "differentiation_points", "['Cheap', 'Simple']")).isEmpty();
    }

    @Test
    void aPointerToAValueInsideAnItemIsAccepted() {
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/1/priority", "'low'")).isEmpty();
    }

    @Test
    void aPointerToAWholeItemOrSectionIsAccepted() {
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/0",
                "{'name': 'Forecast', 'description': 'Daily', 'priority': 'high'}")).isEmpty();
        assertThat(edit(BRIEF, BOOTSTRAPPER, "/differentiation_points/1", "'No new hardware at all'")).isEmpty();
        assertThat(edit(BRIEF, BOOTSTRAPPER, "/target_user", "'Chain bakeries'")).isEmpty();
    }

    @Test
    void anUnknownSectionIsRefused() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "pricing", "'Free'"))
                .containsExactly(new Violation("pricing", "'pricing' is not a section of brief"));
        assertThat(edit(BRIEF, BOOTSTRAPPER, "/pricing/0", "'Free'"))
                .containsExactly(new Violation("/pricing/0", "'pricing' is not a section of brief"));
    }

    @Test
    void aSectionOfAnotherTypeIsUnknownHere() {
        assertThat(edit(BRIEF, CTO_SCALE, "core_features", "[]")).extracting(Violation::message)
                .containsExactly("'core_features' is not a section of brief");
    }

    @Test
    void aSectionAboveTheCallersTierIsRefused() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "market_analysis", "'Big'"))
                .containsExactly(new Violation("market_analysis", "'market_analysis' is above the bootstrapper tier"));
        assertThat(edit(BRIEF, PARTNER, "competitive_strategy", "'Win'"))
                .containsExactly(new Violation("competitive_strategy", "'competitive_strategy' is above the partner tier"));
    }

    @Test
    void aSectionWithinTheCallersTierIsAccepted() {
        assertThat(edit(BRIEF, PARTNER, "market_analysis", "'Big'")).isEmpty();
        assertThat(edit(BRIEF, CTO_SCALE, "competitive_strategy", "'Win'")).isEmpty();
    }

    @Test
    void anIndexPastTheEndOfTheListIsRefused() {
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/2/priority", "'low'"))
                .containsExactly(new Violation("/core_features/2/priority", "there is no item 2 to replace"));
        assertThat(edit(BRIEF, BOOTSTRAPPER, "/differentiation_points/2", "'Third'"))
                .containsExactly(new Violation("/differentiation_points/2", "there is no item 2 to replace"));
    }

    @Test
    void anIndexThatIsNotANumberIsRefused() {
        for (String index : List.of("-", "-1", "01", "x", "")) {
            assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/" + index + "/priority", "'low'"))
                    .as(index).extracting(Violation::message).containsExactly("there is no item " + index + " to replace");
        }
    }

    @Test
    void anIndexIntoAnEmptyListIsRefused() {
        assertThat(edit(ArtifactType.RISK_LOG, BOOTSTRAPPER, "/execution_risks/0/title", "'Late'"))
                .extracting(Violation::path).containsExactly("/execution_risks/0/title");
    }

    @Test
    void anUnknownFieldOfAnItemIsRefused() {
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/0/owner", "'Ana'"))
                .containsExactly(new Violation("/core_features/0/owner", "'owner' is not a field here"));
    }

    @Test
    void aPathBelowAPlainValueIsRefused() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "/target_user/0", "'x'"))
                .containsExactly(new Violation("/target_user/0", "'0' goes below a plain value"));
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/0/priority/x", "'x'"))
                .extracting(Violation::path).containsExactly("/core_features/0/priority/x");
    }

    @Test
    void aSlashInAKeyIsNotAPointer() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "target_user/0", "'x'")).extracting(Violation::message)
                .containsExactly("'target_user/0' is not a section of brief");
    }

    @Test
    void aValueOfTheWrongShapeIsRefusedWithItsPointer() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "target_user", "42"))
                .containsExactly(new Violation("/target_user", "must be a string"));
        assertThat(edit(BRIEF, BOOTSTRAPPER, "target_user", "''"))
                .containsExactly(new Violation("/target_user", "must not be empty"));
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/1/priority", "'urgent'"))
                .containsExactly(new Violation("/core_features/1/priority", "must be one of high, medium, low"));
        assertThat(edit(MILESTONES, BOOTSTRAPPER, "/milestones/0/estimated_weeks", "0"))
                .containsExactly(new Violation("/milestones/0/estimated_weeks", "must be at least 1"));
        assertThat(edit(BRIEF, BOOTSTRAPPER, "differentiation_points", "[]"))
                .containsExactly(new Violation("/differentiation_points", "needs at least 1 item(s)"));
        assertThat(edit(BRIEF, BOOTSTRAPPER, "differentiation_points", "'one string'"))
                .containsExactly(new Violation("/differentiation_points", "must be an array"));
    }

    @Test
    void aReplacementItemMustHaveExactlyItsFields() {
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/0", "{'name': 'Forecast', 'priority': 'high', 'cost': 3}"))
                .containsExactlyInAnyOrder(
                        new Violation("/core_features/0/description", "is required"),
                        new Violation("/core_features/0/cost", "is not a field of this object"));
    }

    @Test
    void nullIsNotAValueOfAnySection() {
        assertThat(edit(BRIEF, BOOTSTRAPPER, "target_user", "null")).isNotEmpty();
        assertThat(edit(MVP_SCOPE, BOOTSTRAPPER, "/core_features/0/name", "null")).isNotEmpty();
    }

    @Test
    void renamingAMilestoneOnTheCriticalPathIsRefused() {
        assertThat(edit(MILESTONES, BOOTSTRAPPER, "/milestones/0/title", "'Private pilot'"))
                .containsExactly(new Violation("/critical_path/0", "'Pilot' is not the title of any of milestones"));
    }

    @Test
    void renamingAMilestoneOffTheCriticalPathIsAccepted() {
        ObjectNode content = SampleContent.forTier(MILESTONES, BOOTSTRAPPER);
        content.set("critical_path", Json.value("['Launch']"));
        assertThat(validateEdit(MILESTONES, BOOTSTRAPPER, content, "/milestones/0/title", "'Private pilot'")).isEmpty();
    }

    @Test
    void aCriticalPathNamingNoMilestoneIsRefused() {
        assertThat(edit(MILESTONES, BOOTSTRAPPER, "critical_path", "['Pilot', 'Scale']"))
                .containsExactly(new Violation("/critical_path/1", "'Scale' is not the title of any of milestones"));
        assertThat(edit(MILESTONES, BOOTSTRAPPER, "/critical_path/0", "'Scale'")).isNotEmpty();
    }

    @Test
    void renumberingAJourneyStepOutOfOrderIsRefused() {
        assertThat(edit(HOW_IT_WORKS, BOOTSTRAPPER, "/user_journey/1/step_number", "3")).extracting(Violation::path)
                .containsExactly("/user_journey/1/step_number");
        assertThat(edit(HOW_IT_WORKS, BOOTSTRAPPER, "/user_journey/1/step_number", "2")).isEmpty();
    }

    @Test
    void validatingAnEditLeavesTheContentAsItWas() {
        ObjectNode content = SampleContent.forTier(MVP_SCOPE, BOOTSTRAPPER);
        ObjectNode before = content.deepCopy();
        validateEdit(MVP_SCOPE, BOOTSTRAPPER, content, "/core_features/1/priority", "'low'");
        assertThat(content).isEqualTo(before);
    }

    private static List<Violation> edit(ArtifactType type, Tier tier, String path, String value) {
        return validateEdit(type, tier, SampleContent.forTier(type, tier), path, value);
    }

    private static List<Violation> validateEdit(ArtifactType type, Tier tier, ObjectNode content, String path,
                                                String value) {
        JsonNode newValue = Json.value(value);
        return ArtifactSchemas.of(type).validateEdit(content, SectionPath.parse(path), newValue, tier);
    }
}
