package io.artifactpipeline.core.schema;

import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.SectionLevel;
import io.artifactpipeline.core.model.Tier;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.artifactpipeline.core.model.SectionLevel.BUSINESS;
import static io.artifactpipeline.core.model.SectionLevel.CORE;
import static io.artifactpipeline.core.model.SectionLevel.STRATEGIC;
import static org.assertj.core.api.Assertions.assertThat;

/** The declarations say exactly what ARTIFACTS.md says: keys, order, levels. */
class ArtifactSchemasTest {

    @Test
    void everyTypeIsDeclaredAtTheCurrentVersion() {
        for (ArtifactType type : ArtifactType.values()) {
            assertThat(ArtifactSchemas.of(type)).isNotNull();
            assertThat(ArtifactSchemas.of(type).type()).isEqualTo(type);
            assertThat(ArtifactSchemas.of(type).version()).isEqualTo(ArtifactSchemas.CURRENT_VERSION);
        }
    }

    @Test
    void briefSections() {
        assertThat(levels(ArtifactType.BRIEF)).containsExactlyEntriesOf(ordered(
                "problem_statement", CORE, "target_user", CORE, "value_proposition", CORE, "key_constraint", CORE,
                "differentiation_points", CORE, "market_analysis", BUSINESS, "competitive_strategy", STRATEGIC));
    }

    @Test
    void mvpScopeSections() {
        assertThat(levels(ArtifactType.MVP_SCOPE)).containsExactlyEntriesOf(ordered(
                "core_features", CORE, "out_of_scope", CORE, "success_metrics", CORE,
                "technical_architecture", BUSINESS, "scalability_plan", STRATEGIC));
    }

    @Test
    void milestonesSections() {
        assertThat(levels(ArtifactType.MILESTONES)).containsExactlyEntriesOf(ordered(
                "milestones", CORE, "critical_path", CORE, "total_duration_weeks", CORE,
                "resource_plan", BUSINESS, "risk_mitigation_timeline", STRATEGIC));
    }

    @Test
    void riskLogSections() {
        assertThat(levels(ArtifactType.RISK_LOG)).containsExactlyEntriesOf(ordered(
                "technical_risks", CORE, "market_risks", CORE, "execution_risks", CORE,
                "financial_risks", BUSINESS, "strategic_risks", STRATEGIC));
    }

    @Test
    void howItWorksSections() {
        assertThat(levels(ArtifactType.HOW_IT_WORKS)).containsExactlyEntriesOf(ordered(
                "user_journey", CORE, "architecture", CORE, "data_flow", CORE,
                "integration_points", BUSINESS, "security_compliance", STRATEGIC));
    }

    @Test
    void eachTierGetsItsLevelsInDeclarationOrder() {
        ArtifactSchema brief = ArtifactSchemas.of(ArtifactType.BRIEF);
        assertThat(brief.sectionKeysFor(Tier.BOOTSTRAPPER)).containsExactly("problem_statement", "target_user",
                "value_proposition", "key_constraint", "differentiation_points");
        assertThat(brief.sectionKeysFor(Tier.PARTNER)).containsExactly("problem_statement", "target_user",
                "value_proposition", "key_constraint", "differentiation_points", "market_analysis");
        assertThat(brief.sectionKeysFor(Tier.CTO_SCALE)).containsExactly("problem_statement", "target_user",
                "value_proposition", "key_constraint", "differentiation_points", "market_analysis",
                "competitive_strategy");
    }

    @Test
    void everySectionSaysWhatItIsFor() {
        for (ArtifactType type : ArtifactType.values()) {
            assertThat(ArtifactSchemas.of(type).sections()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        }
    }

    private static Map<String, SectionLevel> levels(ArtifactType type) {
        Map<String, SectionLevel> levels = new LinkedHashMap<>();
        ArtifactSchemas.of(type).sections().forEach(s -> levels.put(s.key(), s.level()));
        return levels;
    }

    private static Map<String, SectionLevel> ordered(Object... keysAndLevels) {
        Map<String, SectionLevel> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLevels.length; i += 2) {
            map.put((String) keysAndLevels[i], (SectionLevel) keysAndLevels[i + 1]);
        }
        return map;
    }
}
