package io.artifactpipeline.llm.prompt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.llm.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(ArtifactType.class)
    void everyTypeCarriesTheIdeaEveryAnswerAndOnlyItsTiersSections(ArtifactType type) {
        ModelRequest request = TestRequests.request(type, Tier.PARTNER);

        Prompt prompt = Prompts.forRequest(request);

        assertThat(prompt.projectContext()).contains(TestRequests.IDEA);
        TestRequests.ANSWERS.forEach((q, a) -> assertThat(prompt.projectContext()).contains(q).contains(a));
        assertThat(prompt.system()).contains("JSON");
        for (String key : request.sections()) {
            assertThat(prompt.task()).contains("`" + key + "`");
        }
        assertThat(prompt.task()).doesNotContain("`competitive_strategy`", "`scalability_plan`",
                "`risk_mitigation_timeline`", "`strategic_risks`", "`security_compliance`");
        assertThat(prompt.task()).doesNotContain("{{").contains("the partner plan");
    }

    @Test
    void theMvpScopePromptContainsTheWholeBriefAsPrettyJson() throws Exception {
        ModelRequest request = TestRequests.request(ArtifactType.MVP_SCOPE, Tier.BOOTSTRAPPER);
        ObjectNode brief = request.dependencies().get(ArtifactType.BRIEF);

        String task = Prompts.forRequest(request).task();

        assertThat(task).contains("### brief").contains(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(brief));
        assertThat(task).contains("- `core_features` (a list of 1 to 20 items, each item an object {name: a non-empty "
                + "string; description: a non-empty string; priority: one of \"high\", \"medium\", \"low\"}): "
                + "What the first version does.");
    }

    @Test
    void theBriefHasNoDependencySection() {
        String task = Prompts.forRequest(TestRequests.request(ArtifactType.BRIEF, Tier.CTO_SCALE)).task();

        assertThat(task).doesNotContain("What this document builds on").contains("`competitive_strategy`");
    }

    @Test
    void aRewriteCarriesThePreviousContentAndTheInstructions() {
        ModelRequest first = TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        ObjectNode previous = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        ModelRequest rewrite = first.withPreviousContent(previous)
                .withInstructions(Optional.of("Focus on mobile groomers in Lyon"));

        String task = Prompts.forRequest(rewrite).task();

        assertThat(task).contains("This is a rewrite").contains("Focus on mobile groomers in Lyon")
                .contains(previous.get("target_user").asText());
        assertThat(Prompts.forRequest(first).task()).doesNotContain("This is a rewrite");
    }

    @Test
    void aRepairCarriesTheRejectedAnswerAndItsViolations() {
        ModelRequest request = TestRequests.request(ArtifactType.MILESTONES, Tier.BOOTSTRAPPER);
        ObjectNode rejected = JSON.createObjectNode().put("critical_path", "not a list");

        String task = Prompts.forRequest(request.withRepair(rejected,
                List.of(new Violation("/critical_path", "must be an array")))).task();

        assertThat(task).contains("Your previous answer was rejected").contains("\"not a list\"")
                .contains("- /critical_path: must be an array");
    }

    @Test
    void foundersTextIsInsertedLiterallyNotRenderedAgain() {
        ModelRequest request = TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER,
                TestRequests.project("An app for {{answers}} and $1 \\ backslashes", Map.of("Why {{idea}}?", "$0")));

        Prompt prompt = Prompts.forRequest(request);

        assertThat(prompt.projectContext()).contains("An app for {{answers}} and $1 \\ backslashes")
                .contains("Why {{idea}}?").contains("Answer: $0");
    }

    @Test
    void aProjectWithoutAnswersSaysSo() {
        Prompt prompt = Prompts.forRequest(TestRequests.request(ArtifactType.BRIEF, Tier.BOOTSTRAPPER,
                TestRequests.project("Just an idea", Map.of())));

        assertThat(prompt.projectContext()).contains("(The founder gave no answers.)");
        assertThat(prompt.estimatedTokens()).isPositive();
    }
}
