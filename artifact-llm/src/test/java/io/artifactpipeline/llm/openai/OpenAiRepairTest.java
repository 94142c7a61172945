package io.artifactpipeline.llm.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.llm.ModelSettings;
import io.artifactpipeline.llm.PipelineRun;
import io.artifactpipeline.llm.RecordingSleeper;
import io.artifactpipeline.llm.StubServer;
import io.artifactpipeline.llm.StubServer.Answer;
import io.artifactpipeline.llm.TestRequests;
import io.artifactpipeline.llm.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's cascade over the OpenAI-compatible adapter: an inconsistent answer, then the repair that fixes it. */
class OpenAiRepairTest {
    private final StubServer server = StubServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void milestonesWhoseCriticalPathNamesNoMilestoneAreAskedForAgain() {
        ObjectNode inconsistent = TestRequests.validContent(ArtifactType.MILESTONES, Tier.PARTNER);
        inconsistent.withArray("critical_path").add("A milestone that does not exist");
        server.otherwise(request -> {
            ArtifactType type = ArtifactType.fromWireName(request.json().at("/response_format/json_schema/name").asText())
                    .orElseThrow();
            boolean firstMilestonesCall = type == ArtifactType.MILESTONES
                    && !request.json().at("/messages/1/content").asText().contains("Your previous answer was rejected");
            ObjectNode content = firstMilestonesCall ? inconsistent : TestRequests.validContent(type, Tier.PARTNER);
            return Answer.events(OpenAiWire.completion(content));
        });
        URI base = URI.create(server.baseUrl() + "/v1");
        ModelSettings settings = ModelSettings.builder().provider("openai").baseUrl(base).build();
        OpenAiChatProvider provider = new OpenAiChatProvider(settings,
                Transports.recording("openai-compatible", settings, new RecordingSleeper()));

        List<Artifact> artifacts = PipelineRun.generate(provider, Tier.PARTNER);

        assertThat(artifacts).extracting(Artifact::status).containsOnly(ArtifactStatus.IDLE);
        List<String> milestoneCalls = server.requests().stream()
                .filter(r -> r.json().at("/response_format/json_schema/name").asText().equals("milestones"))
                .map(r -> r.json().at("/messages/1/content").asText()).toList();
        assertThat(milestoneCalls).hasSize(2);
        assertThat(milestoneCalls.get(1)).contains("/critical_path/")
                .contains("A milestone that does not exist");
        Artifact milestones = artifacts.stream().filter(a -> a.type() == ArtifactType.MILESTONES).findFirst().orElseThrow();
        assertThat(milestones.currentContent().toString()).doesNotContain("A milestone that does not exist");
    }
}
