package io.artifactpipeline.core.cascade;

import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import io.artifactpipeline.core.model.ErrorCode;

/**
 * A running generation stops before the call that would exceed the day's budget. The estimate per call
 * (300) is far below what the fake model really spends (1,500), so the budget that admitted five calls
 * up front runs out after the first one.
 */
class CascadeBudgetTest {
    private static final long ESTIMATE = 300;
    private static final long PER_CALL = FakeLanguageModel.USAGE_PER_CALL.total();
    private static final long BUDGET = Tier.BOOTSTRAPPER.dailyTokenBudget();

    private final TestPipeline t = TestPipeline.create(b -> b.estimatedTokensPerCall(ESTIMATE));

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aRunningGenerationFailsTheArtifactWhoseCallWouldExceedTheBudget() {
        t.alreadySpent(ALICE, BUDGET - 5 * ESTIMATE); // exactly enough, by the estimate, to start
        Project project = t.project(ALICE);

        Generation generation = t.generate(ALICE, project.id());

        assertThat(t.model().requests()).extracting(ModelRequest::type).containsExactly(BRIEF);
        Map<ArtifactType, Artifact> artifacts = t.artifacts(ALICE, project.id());
        assertThat(artifacts.get(BRIEF).status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(artifacts.get(MVP_SCOPE).status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(artifacts.get(MVP_SCOPE).error().code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
        assertThat(artifacts.get(ArtifactType.MILESTONES).error().code()).isEqualTo(ErrorCode.DEPENDENCY_FAILED);
        assertThat(generation.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(t.spentToday(ALICE)).isEqualTo(BUDGET - 5 * ESTIMATE + PER_CALL);
    }

    @Test
    void usageIsRecordedForEveryCall() {
        Project project = t.project(ALICE);
        t.model().then(ArtifactType.RISK_LOG, new FakeLanguageModel.Behaviour.AnswerInvalid());

        t.generate(ALICE, project.id());

        assertThat(t.model().requests()).hasSize(6);
        assertThat(t.spentToday(ALICE)).isEqualTo(6 * PER_CALL);
    }
}
