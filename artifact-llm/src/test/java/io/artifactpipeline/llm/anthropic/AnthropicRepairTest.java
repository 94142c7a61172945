package io.artifactpipeline.llm.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.PipelineRun;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.TestRequests;
import io.artifactpipeline.llm.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's cascade over the Anthropic adapter: a schema-invalid answer, then the repair call that fixes it. */
class AnthropicRepairTest {
    private final StubServer server = StubServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInvalidBriefIsAskedForAgainWithItsViolationsAndTheGenerationCompletes() {
        ObjectNode invalid = TestRequests.validContent(ArtifactType.BRIEF, Tier.BOOTSTRAPPER);
        invalid.remove("target_user");
        server.then(Answer.events(AnthropicWire.toolUse("write_brief", invalid)));
        server.otherwise(request -> {
            String tool = request.json().path("tool_choice").path("name").asText();
            ArtifactType type = ArtifactType.fromWireName(tool.substring("write_".length())).orElseThrow();
            return Answer.events(AnthropicWire.toolUse(tool, TestRequests.validContent(type, Tier.BOOTSTRAPPER)));
        });
        ModelSettings settings = ModelSettings.builder().provider("anthropic").apiKey("k").baseUrl(server.baseUrl()).build();
        AnthropicMessagesProvider provider = new AnthropicMessagesProvider(settings,
                Transports.recording("anthropic", settings, new RecordingSleeper()));

        List<Artifact> artifacts = PipelineRun.generate(provider, Tier.BOOTSTRAPPER);

        assertThat(artifacts).hasSize(5).allSatisfy(artifact -> {
            assertThat(artifact.status()).isEqualTo(ArtifactStatus.IDLE);
            assertThat(ArtifactSchemas.of(artifact.type()).validate(artifact.currentContent(), Tier.BOOTSTRAPPER)).isEmpty();
        });
        List<StubServer.Captured> briefCalls = server.requests().stream()
                .filter(r -> r.json().path("tool_choice").path("name").asText().equals("write_brief")).toList();
        assertThat(briefCalls).hasSize(2);
        String repairTask = briefCalls.get(1).json().path("messages").get(0).path("content").get(1).path("text").asText();
        assertThat(repairTask).contains("Your previous answer was rejected").contains("- /target_user: is required")
                .contains(invalid.get("problem_statement").asText());
        assertThat(server.requests()).hasSize(6);
    }
}
