package io.artifactpipeline.core.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectionPathTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aSectionKeyIsAPathToTheWholeSection() {
        SectionPath path = SectionPath.parse("problem_statement");
        assertThat(path.tokens()).containsExactly("problem_statement");
        assertThat(path.section()).isEqualTo("problem_statement");
        assertThat(path.isWholeSection()).isTrue();
    }

    @Test
    void aJsonPointerIsSplitIntoTokensWhoseFirstIsTheSection() {
        SectionPath path = SectionPath.parse("/core_features/1/priority");
        assertThat(path.tokens()).containsExactly("core_features", "1", "priority");
        assertThat(path.section()).isEqualTo("core_features");
        assertThat(path.isWholeSection()).isFalse();
        assertThat(path.raw()).isEqualTo("/core_features/1/priority");
    }

    @Test
    void aPointerToASectionIsAPathToTheWholeSection() {
        assertThat(SectionPath.parse("/out_of_scope").isWholeSection()).isTrue();
    }

    @Test
    void pointerEscapesAreDecodedTildeOneBeforeTildeZero() {
        assertThat(SectionPath.parse("/a~1b/c~0d/~01").tokens()).containsExactly("a/b", "c~d", "~1");
    }

    @Test
    void aPathWithoutASectionIsRejected() {
        assertThatThrownBy(() -> SectionPath.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SectionPath.parse("/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SectionPath.parse("//x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeReplacesAValueInsideAnArrayItem() {
        ObjectNode content = SampleContent.forTier(ArtifactType.MVP_SCOPE, Tier.BOOTSTRAPPER);
        SectionPath.parse("/core_features/1/priority").write(content, JSON.textNode("low"));
        assertThat(content.at("/core_features/1/priority").asText()).isEqualTo("low");
        assertThat(content.at("/core_features/0/priority").asText()).isEqualTo("high");
    }

    @Test
    void writeReplacesAWholeArrayItem() {
        ObjectNode content = SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        SectionPath.parse("/differentiation_points/0").write(content, JSON.textNode("Cheaper"));
        assertThat(content.at("/differentiation_points/0").asText()).isEqualTo("Cheaper");
        assertThat(content.get("differentiation_points")).hasSize(2);
    }

    @Test
    void writeReplacesAWholeSectionByKey() {
        ObjectNode content = SampleContent.forTier(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        SectionPath.parse("target_user").write(content, JSON.textNode("Chains"));
        assertThat(content.get("target_user").asText()).isEqualTo("Chains");
    }
}
