package io.artifactpipeline.core.model;

import org.junit.jupiter.api.Test;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static org.assertj.core.api.Assertions.assertThat;

class ArtifactTypeTest {

    @Test
    void theFiveTypesComeInGenerationOrderWithTheirWireNames() {
        assertThat(ArtifactType.inGenerationOrder()).extracting(ArtifactType::wireName)
                .containsExactly("brief", "mvp_scope", "milestones", "risk_log", "how_it_works");
    }

    @Test
    void eachTypeDependsOnWhatTheSpecSays() {
        assertThat(BRIEF.dependencies()).isEmpty();
        assertThat(MVP_SCOPE.dependencies()).containsExactly(BRIEF);
        assertThat(MILESTONES.dependencies()).containsExactly(BRIEF, MVP_SCOPE);
        assertThat(RISK_LOG.dependencies()).containsExactly(BRIEF, MVP_SCOPE);
        assertThat(HOW_IT_WORKS.dependencies()).containsExactly(BRIEF, MVP_SCOPE);
    }

    @Test
    void everyDependencyComesEarlierInGenerationOrder() {
        for (ArtifactType type : ArtifactType.values()) {
            assertThat(type.dependencies()).allMatch(d -> d.ordinal() < type.ordinal());
        }
    }

    @Test
    void dependentsIncludeIndirectOnes() {
        assertThat(BRIEF.dependents()).containsExactlyInAnyOrder(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(MVP_SCOPE.dependents()).containsExactlyInAnyOrder(MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(MILESTONES.dependents()).isEmpty();
        assertThat(RISK_LOG.dependents()).isEmpty();
        assertThat(HOW_IT_WORKS.dependents()).isEmpty();
    }

    @Test
    void wireNamesParseBackAndUnknownOnesDoNot() {
        for (ArtifactType type : ArtifactType.values()) {
            assertThat(ArtifactType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(ArtifactType.fromWireName("MVP_SCOPE")).isEmpty();
        assertThat(ArtifactType.fromWireName("roadmap")).isEmpty();
    }
}
