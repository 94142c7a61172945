package io.artifactpipeline.core.cascade;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.budget.TokenBudget;
import io.artifactpipeline.core.memory.InMemoryUsageLedger;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.port.LanguageModel;
import io.artifactpipeline.core.port.ModelFailure;
import io.artifactpipeline.core.port.ModelReply;
import io.artifactpipeline.core.port.ModelRequest;
import io.artifactpipeline.core.port.SectionDrafts;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.testing.FakeLanguageModel;
import io.artifactpipeline.core.testing.FakeLanguageModel.Behaviour;
import io.artifactpipeline.core.testing.ManualClock;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

/** One artifact out of the model: budget check, call, tier filter, validation and a single repair. */
class ArtifactWriterTest {
    private static final Instant NOW = Instant.parse("2025-03-14T21:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final long ESTIMATE = 2_000;
    private static final long PER_CALL = FakeLanguageModel.USAGE_PER_CALL.total();

    private final FakeLanguageModel model = new FakeLanguageModel();
    private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
    private final TokenBudget budget = new TokenBudget(ledger, new ManualClock(NOW), ESTIMATE);
    private final Project project = new Project(new ProjectId(UUID.randomUUID()), new io.artifactpipeline.core.model.UserId("alice"),
            "Bakery", "Forecast bread demand", Map.of("Who pays?", "Bakeries"), NOW);

    @Test
    void validContentIsWrittenAfterOneCall() {
        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(outcome).isInstanceOfSatisfying(ArtifactWriter.Outcome.Written.class, written -> {
            assertThat(ArtifactSchemas.of(BRIEF).validate(written.content(), Tier.BOOTSTRAPPER)).isEmpty();
            assertThat(written.schemaVersion()).isEqualTo(ArtifactSchemas.CURRENT_VERSION);
        });
        assertThat(model.requests()).hasSize(1);
        assertThat(model.requests().getFirst().repair()).isEmpty();
    }

    @Test
    void anInvalidAnswerFollowedByAValidOneSucceedsWithExactlyOneRepair() {
        model.then(BRIEF, new Behaviour.AnswerInvalid());

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(outcome).isInstanceOf(ArtifactWriter.Outcome.Written.class);
        List<ModelRequest> requests = model.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).repair()).isEmpty();
        ModelRequest.Repair repair = requests.get(1).repair().orElseThrow();
        assertThat(repair.rejectedContent().get("nonsense").asBoolean()).isTrue();
        assertThat(repair.violations()).contains(
                new Violation("/problem_statement", "is required"),
                new Violation("/nonsense", "is not a section of brief"));
        assertThat(requests.get(1).type()).isEqualTo(BRIEF);
        assertThat(requests.get(1).sections()).isEqualTo(requests.get(0).sections());
    }

    @Test
    void twoInvalidAnswersInARowFailTheArtifactWithTheViolations() {
        model.then(BRIEF, new Behaviour.AnswerInvalid(), new Behaviour.AnswerInvalid());

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(outcome).isInstanceOfSatisfying(ArtifactWriter.Outcome.Failed.class, failed -> {
            assertThat(failed.reason().code()).isEqualTo(ErrorCode.INVALID_OUTPUT);
            assertThat(failed.reason().message())
                    .contains("/problem_statement: is required")
                    .contains("/nonsense: is not a section of brief");
        });
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void aLongListOfViolationsIsShortenedInTheMessage() {
        LanguageModel verbose = request -> {
            ObjectNode content = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < 12; i++) {
                content.put("extra_" + i, "x");
            }
            return new ModelReply(content, TokenUsage.of(10, 10));
        };

        ArtifactWriter.Outcome outcome = write(verbose, Tier.BOOTSTRAPPER, BRIEF);

        // 5 missing sections + 12 unknown ones, 10 listed
        assertThat(((ArtifactWriter.Outcome.Failed) outcome).reason().message()).endsWith("(and 7 more)");
    }

    @ParameterizedTest
    @EnumSource(ModelFailure.Reason.class)
    void everyModelFailureReasonBecomesTheErrorCode(ModelFailure.Reason reason) {
        model.then(BRIEF, new Behaviour.Fail(reason));

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(outcome).isEqualTo(new ArtifactWriter.Outcome.Failed(
                new ArtifactError(reason.code(), "the fake model was told to fail")));
        assertThat(model.requests()).as("adapters retry, the writer does not").hasSize(1);
    }

    @Test
    void aFailureOfTheRepairCallIsReportedAsSuch() {
        model.then(BRIEF, new Behaviour.AnswerInvalid(), new Behaviour.Fail(ModelFailure.Reason.TRUNCATED));

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(((ArtifactWriter.Outcome.Failed) outcome).reason().code()).isEqualTo(ErrorCode.MODEL_TRUNCATED);
    }

    @Test
    void sectionsAboveABootstrappersTierAreRemovedBeforeStoring() {
        model.then(BRIEF, new Behaviour.AnswerAllTiers());

        ObjectNode content = written(write(model, Tier.BOOTSTRAPPER, BRIEF));

        assertThat(content).isEqualTo(SampleContent.forTier(BRIEF, Tier.BOOTSTRAPPER));
        assertThat(content.has("market_analysis")).isFalse();
        assertThat(content.has("competitive_strategy")).isFalse();
        assertThat(model.requests()).as("a filtered answer needs no repair").hasSize(1);
    }

    @Test
    void aPartnerKeepsBusinessSectionsButNotStrategicOnes() {
        model.then(MVP_SCOPE, new Behaviour.AnswerAllTiers());

        ObjectNode content = written(write(model, Tier.PARTNER, MVP_SCOPE));

        assertThat(content).isEqualTo(SampleContent.forTier(MVP_SCOPE, Tier.PARTNER));
        assertThat(content.has("technical_architecture")).isTrue();
        assertThat(content.has("scalability_plan")).isFalse();
    }

    @Test
    void ctoScaleKeepsEverySection() {
        model.then(MVP_SCOPE, new Behaviour.AnswerAllTiers());

        assertThat(written(write(model, Tier.CTO_SCALE, MVP_SCOPE))).isEqualTo(SampleContent.full(MVP_SCOPE));
    }

    @Test
    void everyCallIsChargedToTheOwnersDay() {
        model.then(BRIEF, new Behaviour.AnswerInvalid());

        write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(ledger.tokensUsed(project.owner(), TODAY)).isEqualTo(2 * PER_CALL);
    }

    @Test
    void noCallIsMadeThatTheBudgetCannotCover() {
        ledger.record(project.owner(), TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget() - ESTIMATE + 1, 0));

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(((ArtifactWriter.Outcome.Failed) outcome).reason().code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void aCallTheBudgetExactlyCoversIsMade() {
        ledger.record(project.owner(), TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget() - ESTIMATE, 0));

        assertThat(write(model, Tier.BOOTSTRAPPER, BRIEF)).isInstanceOf(ArtifactWriter.Outcome.Written.class);
    }

    @Test
    void theRepairCallIsNotMadeWhenTheFirstCallUsedUpTheBudget() {
        ledger.record(project.owner(), TODAY, TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget() - ESTIMATE, 0));
        model.then(BRIEF, new Behaviour.AnswerInvalid());

        ArtifactWriter.Outcome outcome = write(model, Tier.BOOTSTRAPPER, BRIEF);

        assertThat(((ArtifactWriter.Outcome.Failed) outcome).reason().code()).isEqualTo(ErrorCode.BUDGET_EXHAUSTED);
        assertThat(model.requests()).hasSize(1);
        assertThat(ledger.tokensUsed(project.owner(), TODAY))
                .isEqualTo(Tier.BOOTSTRAPPER.dailyTokenBudget() - ESTIMATE + PER_CALL);
    }

    @Test
    void theBudgetIsTheGenerationOwnersNotSomeoneElses() {
        ledger.record(new io.artifactpipeline.core.model.UserId("bob"), TODAY,
                TokenUsage.of(Tier.BOOTSTRAPPER.dailyTokenBudget(), 0));

        assertThat(write(model, Tier.BOOTSTRAPPER, BRIEF)).isInstanceOf(ArtifactWriter.Outcome.Written.class);
    }

    @Test
    void theRequestCarriesTheTiersSchemaAndSections() {
        write(model, Tier.PARTNER, MVP_SCOPE);

        ModelRequest request = model.requests().getFirst();
        assertThat(request.type()).isEqualTo(MVP_SCOPE);
        assertThat(request.tier()).isEqualTo(Tier.PARTNER);
        assertThat(request.schema()).isEqualTo(ArtifactSchemas.of(MVP_SCOPE).jsonSchema(Tier.PARTNER));
        assertThat(request.sections()).containsExactly("core_features", "out_of_scope", "success_metrics",
                "technical_architecture");
        assertThat(request.project()).isEqualTo(project);
    }

    @Test
    void anArtifactWithContentIsRewrittenFromItWithTheGenerationsInstructions() {
        ObjectNode old = SampleContent.forTier(BRIEF, Tier.BOOTSTRAPPER);
        Artifact existing = artifact(BRIEF).withGeneratedContent(old, 1, NOW).markedGenerating(NOW);

        new ArtifactWriter(model, budget, false).write(generation(Tier.BOOTSTRAPPER, BRIEF, Optional.of("Shorter, please")), project,
                existing, Map.of(), SectionDrafts.ignored());

        ModelRequest request = model.requests().getFirst();
        assertThat(request.previousContent()).contains(old);
        assertThat(request.instructions()).contains("Shorter, please");
    }

    private ArtifactWriter.Outcome write(LanguageModel languageModel, Tier tier, ArtifactType type) {
        return new ArtifactWriter(languageModel, budget, false).write(generation(tier, type, Optional.empty()), project,
                artifact(type), Map.of(), SectionDrafts.ignored());
    }

    private Artifact artifact(ArtifactType type) {
        return Artifact.awaitingFirstGeneration(new ArtifactId(UUID.randomUUID()), project.id(), type, 1, NOW);
    }

    private Generation generation(Tier tier, ArtifactType type, Optional<String> instructions) {
        return Generation.queued(new GenerationId(UUID.randomUUID()), project.id(), new Actor(project.owner(), tier),
                instructions, List.of(GenerationItem.pending(type, new ArtifactId(UUID.randomUUID()))), NOW);
    }

    private static ObjectNode written(ArtifactWriter.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ArtifactWriter.Outcome.Written.class);
        return ((ArtifactWriter.Outcome.Written) outcome).content();
    }
}
