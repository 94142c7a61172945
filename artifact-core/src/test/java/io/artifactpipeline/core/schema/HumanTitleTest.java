package io.artifactpipeline.core.schema;

import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.SectionLevel;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HumanTitleTest {

    @Test
    void eachWordIsCapitalisedAndMvpIsInCapitals() {
        assertThat(HumanTitle.of("problem_statement")).isEqualTo("Problem Statement");
        assertThat(HumanTitle.of("mvp_scope")).isEqualTo("MVP Scope");
        assertThat(HumanTitle.of("estimated_weeks")).isEqualTo("Estimated Weeks");
        assertThat(HumanTitle.of("success_criteria")).isEqualTo("Success Criteria");
        assertThat(HumanTitle.of("how_it_works")).isEqualTo("How It Works");
        assertThat(HumanTitle.of("title")).isEqualTo("Title");
    }

    @Test
    void theTypesHaveTheirSpecifiedTitles() {
        Map<ArtifactType, String> titles = ArtifactType.inGenerationOrder().stream()
                .collect(Collectors.toMap(t -> t, t -> ArtifactSchemas.of(t).title()));
        assertThat(titles).containsExactlyInAnyOrderEntriesOf(Map.of(
                ArtifactType.BRIEF, "Brief",
                ArtifactType.MVP_SCOPE, "MVP Scope",
                ArtifactType.MILESTONES, "Milestones",
                ArtifactType.RISK_LOG, "Risk Log",
                ArtifactType.HOW_IT_WORKS, "How It Works"));
    }

    @Test
    void everyDeclaredSectionAndRecordFieldHasATitle() {
        ArtifactSchema brief = ArtifactSchemas.of(ArtifactType.BRIEF);
        assertThat(brief.sections()).extracting(SectionSpec::title).containsExactly(
                "Problem Statement", "Target User", "Value Proposition", "Key Constraint",
                "Differentiation Points", "Market Analysis", "Competitive Strategy");
        Shape.ListOf milestones = (Shape.ListOf) ArtifactSchemas.of(ArtifactType.MILESTONES)
                .section("milestones").orElseThrow().shape();
        assertThat(((Shape.Record) milestones.item()).fields()).extracting(Shape.Field::title)
                .containsExactly("Title", "Description", "Success Criteria", "Estimated Weeks");
    }

    @Test
    void aDeclarationMayOverrideTheDerivedTitle() {
        SectionSpec spec = new SectionSpec("kpis", SectionLevel.CORE, Shape.text(), "Key numbers.");
        assertThat(spec.title()).isEqualTo("Kpis");
        assertThat(spec.titled("KPIs").title()).isEqualTo("KPIs");
        assertThat(Shape.field("eta", Shape.text(), "ETA").title()).isEqualTo("ETA");
    }

    @Test
    void aKeyTheSchemaDoesNotDeclareStillGetsATitleByTheRule() {
        assertThat(ArtifactSchemas.of(ArtifactType.BRIEF).sectionTitle("go_to_market")).isEqualTo("Go To Market");
        assertThat(ArtifactSchemas.of(ArtifactType.BRIEF).sectionTitle("target_user")).isEqualTo("Target User");
    }
}
