package io.artifactpipeline.core.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.GenerationConflictException;
import io.artifactpipeline.core.error.LeaseLostException;
import io.artifactpipeline.core.error.NotFoundException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.AnnotationId;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactError;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactProgress;
import io.artifactpipeline.core.model.ArtifactStatus;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.ClaimedGeneration;
import io.artifactpipeline.core.model.ErrorCode;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationId;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.GenerationState;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.SectionPath;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.TokenUsage;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.testing.SampleContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What every adapter of the project, artifact, queue and usage ports must do. An adapter's test
 * extends this class and returns its stores over an empty database from {@link #openStores()}.
 * Time is passed explicitly, so lease expiry is tested without waiting.
 */
public abstract class StoreContract extends HistoryContract {
    /** Long enough for a claim and a write on a busy machine, short enough to wait out. */
    private static final Duration SHORT_LEASE = Duration.ofSeconds(2);

    // --- projects

    @Test
    void projectIsFoundByItsOwnerOnly() {
        Project project = newProject(alice);
        assertThat(stores.projects().findProject(alice, project.id())).contains(project);
        assertThat(stores.projects().findProject(mallory, project.id())).isEmpty();
        assertThat(stores.projects().findProject(alice, new ProjectId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void projectsAreListedNewestFirstAndOnlyTheOwners() {
        Project older = newProject(alice);
        now = now.plusSeconds(1);
        Project newer = newProject(alice);
        newProject(mallory);
        assertThat(stores.projects().page(alice, PageRequest.firstDefault()).items()).extracting(Project::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void answersKeepTheirOrder() {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 10; i > 0; i--) {
            answers.put("question " + i, "answer " + i);
        }
        Project project = stores.projects().create(new Project(new ProjectId(UUID.randomUUID()), alice, "n", "idea",
                answers, now));
        assertThat(stores.projects().findProject(alice, project.id()).orElseThrow().answers().keySet())
                .containsExactlyElementsOf(answers.keySet());
    }

    // --- enqueue and isolation

    @Test
    void enqueueCreatesArtifactsThatOnlyTheOwnerSees() {
        Project project = newProject(alice);
        Generation generation = enqueueAll(project);
        List<Artifact> listed = stores.artifacts().listByProject(alice, project.id());
        assertThat(listed).extracting(Artifact::type).containsExactlyElementsOf(ArtifactType.inGenerationOrder());
        assertThat(listed).allMatch(a -> a.status() == ArtifactStatus.GENERATING && a.versionNumber() == 0);
        assertThat(stores.artifacts().listByProject(mallory, project.id())).isEmpty();
        ArtifactId brief = listed.getFirst().id();
        assertThat(stores.artifacts().findArtifact(alice, brief)).isPresent();
        assertThat(stores.artifacts().findArtifact(mallory, brief)).isEmpty();
        assertThat(stores.queue().findGeneration(alice, generation.id())).get()
                .satisfies(g -> assertThat(g.state()).isEqualTo(GenerationState.QUEUED));
        assertThat(stores.queue().findGeneration(mallory, generation.id())).isEmpty();
        assertThat(stores.queue().findActiveGeneration(alice, project.id())).get().extracting(Generation::id).isEqualTo(generation.id());
        assertThat(stores.queue().findActiveGeneration(mallory, project.id())).isEmpty();
    }

    @Test
    void secondGenerationOfAProjectIsRefusedWhileOneIsActive() {
        Project project = newProject(alice);
        Generation first = enqueueAll(project);
        Artifact brief = artifact(project, ArtifactType.BRIEF);
        Generation second = generationOf(project, List.of(brief));
        assertThatThrownBy(() -> stores.queue().enqueue(second, List.of(brief), NO_LIMIT))
                .isInstanceOfSatisfying(GenerationConflictException.class,
                        e -> assertThat(e.activeGeneration()).isEqualTo(first.id()));
        assertThat(stores.queue().findGeneration(alice, second.id())).isEmpty();
    }

    @Test
    void aFinishedGenerationNoLongerBlocksTheProject() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        for (Artifact artifact : stores.artifacts().listByProject(alice, project.id())) {
            write(claim, artifact);
        }
        Generation finished = stores.writes().finish(claim.lease(), now);
        assertThat(finished.state()).isEqualTo(GenerationState.SUCCEEDED);
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(stores.queue().findActiveGeneration(alice, project.id())).isEmpty();

        Artifact brief = artifact(project, ArtifactType.BRIEF).markedGenerating(now);
        Generation again = stores.queue().enqueue(generationOf(project, List.of(brief)), List.of(brief), NO_LIMIT);
        assertThat(stores.queue().findActiveGeneration(alice, project.id())).get().extracting(Generation::id).isEqualTo(again.id());
    }

    @Test
    void enqueueWithAStaleArtifactChangesNothing() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        Artifact brief = write(claim, artifact(project, ArtifactType.BRIEF));
        stores.writes().finish(claim.lease(), now);
        Artifact staleCopy = brief.withRowVersion(brief.rowVersion() - 1).markedGenerating(now);
        Generation generation = generationOf(project, List.of(staleCopy));
        assertThatThrownBy(() -> stores.queue().enqueue(generation, List.of(staleCopy), NO_LIMIT))
                .isInstanceOf(StaleArtifactException.class);
        assertThat(stores.queue().findGeneration(alice, generation.id())).isEmpty();
        assertThat(artifact(project, ArtifactType.BRIEF).status()).isEqualTo(ArtifactStatus.IDLE);
    }

    // --- claiming and leases

    @Test
    void aQueuedGenerationIsClaimedOnceWhileItsLeaseHolds() {
        Project project = newProject(alice);
        Generation generation = enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        assertThat(claim.generation().id()).isEqualTo(generation.id());
        assertThat(claim.generation().state()).isEqualTo(GenerationState.RUNNING);
        assertThat(claim.generation().startedAt()).isNotNull();
        assertThat(claim.lease().workerId()).isEqualTo("w1");
        assertThat(claim.generation().items()).hasSize(5).allMatch(i -> !i.isFinished());
        assertThat(stores.queue().claimNext("w2", now.plusSeconds(10), LEASE)).isEmpty();
        assertThat(stores.queue().findGeneration(alice, generation.id()).orElseThrow().state()).isEqualTo(GenerationState.RUNNING);
    }

    @Test
    void aClaimComesWithTheProjectAndItsArtifactsAsTheyStand() {
        Project project = newProject(alice);
        enqueueAll(project);

        ClaimedGeneration claim = claim("w1");

        assertThat(claim.project()).contains(project);
        assertThat(claim.artifacts()).containsExactlyInAnyOrderElementsOf(
                stores.artifacts().listByProject(alice, project.id()));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderCanNoLongerWrite() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration first = stores.queue().claimNext("w1", Instant.now(), SHORT_LEASE).orElseThrow();
        Artifact brief = write(first, artifact(project, ArtifactType.BRIEF), Instant.now());

        ClaimedGeneration second = awaitClaim("w2");
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(second.lease().fencingToken()).isGreaterThan(first.lease().fencingToken());
        assertThat(second.generation().item(ArtifactType.BRIEF).orElseThrow().status())
                .isEqualTo(GenerationItem.Status.SUCCEEDED);

        Artifact scope = artifact(project, ArtifactType.MVP_SCOPE);
        Artifact written = scope.withGeneratedContent(SampleContent.full(ArtifactType.MVP_SCOPE), 1, now);
        assertThatThrownBy(() -> stores.writes().recordWritten(first.lease(), written, written.generatedRevision(), List.of(), now))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> stores.writes().recordFailed(first.lease(), scope.failed(failure(), now), List.of(), now))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> stores.writes().finish(first.lease(), now)).isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> stores.writes().renew(first.lease(), now, LEASE)).isInstanceOf(LeaseLostException.class);
        assertThat(artifact(project, ArtifactType.MVP_SCOPE).status()).isEqualTo(ArtifactStatus.GENERATING);
        assertThat(artifact(project, ArtifactType.BRIEF).versionNumber()).isEqualTo(brief.versionNumber());
    }

    @Test
    void aWorkerCannotWriteAfterItsLeaseExpiredEvenIfNobodyTookOver() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = stores.queue().claimNext("w1", Instant.now(), SHORT_LEASE).orElseThrow();
        Artifact brief = artifact(project, ArtifactType.BRIEF);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(claim.lease().expiresAt()));
        Instant late = Instant.now();
        Artifact written = brief.withGeneratedContent(SampleContent.full(ArtifactType.BRIEF), 1, late);
        assertThatThrownBy(() -> stores.writes().recordWritten(claim.lease(), written, written.generatedRevision(), List.of(), late))
                .isInstanceOf(LeaseLostException.class);
        assertThat(artifact(project, ArtifactType.BRIEF).versionNumber()).isZero();
    }

    @Test
    void renewingKeepsTheLeaseAlive() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        var renewed = stores.writes().renew(claim.lease(), now.plusSeconds(20), LEASE);
        assertThat(renewed.expiresAt()).isAfter(claim.lease().expiresAt());
        assertThat(stores.queue().claimNext("w2", now.plusSeconds(40), LEASE)).isEmpty();
        write(claim, artifact(project, ArtifactType.BRIEF), now.plusSeconds(40));
    }

    @Test
    void aReleasedGenerationCanBeClaimedAtOnce() {
        Project project = newProject(alice);
        Generation generation = enqueueAll(project);
        ClaimedGeneration first = claim("w1");
        stores.writes().release(first.lease());
        ClaimedGeneration second = claim("w2");
        assertThat(second.generation().id()).isEqualTo(generation.id());
        assertThat(second.lease().fencingToken()).isGreaterThan(first.lease().fencingToken());
    }

    @Test
    void nothingToClaimOnAnEmptyQueue() {
        assertThat(stores.queue().claimNext("w1", now, LEASE)).isEmpty();
    }

    // --- worker writes

    @Test
    void writtenContentIsStoredWithItsRevisionAndItem() {
        Project project = newProject(alice);
        Generation generation = enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        Artifact saved = write(claim, artifact(project, ArtifactType.BRIEF));

        Artifact found = artifact(project, ArtifactType.BRIEF);
        assertThat(found.versionNumber()).isEqualTo(1);
        assertThat(found.status()).isEqualTo(ArtifactStatus.IDLE);
        assertThat(found.currentContent()).isEqualTo(SampleContent.full(ArtifactType.BRIEF));
        assertThat(found.previousContent()).isNull();
        assertThat(found.rowVersion()).isEqualTo(saved.rowVersion());
        assertThat(history(alice, found.id())).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(1);
            assertThat(r.source()).isEqualTo(RevisionSource.GENERATED);
            assertThat(r.actor()).isEqualTo("model");
            assertThat(r.content()).isEqualTo(SampleContent.full(ArtifactType.BRIEF));
        });
        assertThat(history(mallory, found.id())).isEmpty();
        assertThat(stores.artifacts().revision(alice, found.id(), 1)).isPresent();
        assertThat(stores.artifacts().revision(mallory, found.id(), 1)).isEmpty();
        assertThat(stores.artifacts().revision(alice, found.id(), 2)).isEmpty();
        assertThat(stores.queue().findGeneration(alice, generation.id()).orElseThrow().item(ArtifactType.BRIEF).orElseThrow().status())
                .isEqualTo(GenerationItem.Status.SUCCEEDED);
    }

    @Test
    void annotationsAddedDuringGenerationSurviveTheWrite() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        Artifact brief = artifact(project, ArtifactType.BRIEF);
        stores.artifacts().addAnnotation(alice, brief.id(), annotation("problem_statement", "check this"));
        write(claim, brief);
        assertThat(artifact(project, ArtifactType.BRIEF).annotations()).extracting(Annotation::note).containsExactly("check this");
    }

    @Test
    void failuresAreStoredAndConcludeTheGeneration() {
        Project project = newProject(alice);
        Generation generation = enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        List<Artifact> artifacts = stores.artifacts().listByProject(alice, project.id());
        write(claim, artifacts.get(0));
        for (Artifact artifact : artifacts.subList(1, 5)) {
            stores.writes().recordFailed(claim.lease(), artifact.failed(failure(), now), List.of(), now);
        }
        Artifact failed = artifact(project, ArtifactType.RISK_LOG);
        assertThat(failed.status()).isEqualTo(ArtifactStatus.FAILED);
        assertThat(failed.error()).isEqualTo(failure());
        Generation finished = stores.writes().finish(claim.lease(), now);
        assertThat(finished.state()).isEqualTo(GenerationState.PARTIALLY_FAILED);
        assertThat(stores.queue().findGeneration(alice, generation.id()).orElseThrow().item(ArtifactType.RISK_LOG).orElseThrow().error())
                .isEqualTo(failure());
    }

    @Test
    void aRegenerationKeepsThePreviousContentAndNumbersRevisionsOnward() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        write(claim, artifact(project, ArtifactType.BRIEF));
        stores.writes().finish(claim.lease(), now);

        Artifact brief = artifact(project, ArtifactType.BRIEF).markedGenerating(now);
        stores.queue().enqueue(generationOf(project, List.of(brief)), List.of(brief), NO_LIMIT);
        ClaimedGeneration again = claim("w1");
        ObjectNode newer = SampleContent.full(ArtifactType.BRIEF).put("target_user", "Chains");
        Artifact rewritten = artifact(project, ArtifactType.BRIEF).withGeneratedContent(newer, 1, now);
        stores.writes().recordWritten(again.lease(), rewritten, rewritten.generatedRevision(), List.of(), now);

        Artifact found = artifact(project, ArtifactType.BRIEF);
        assertThat(found.versionNumber()).isEqualTo(2);
        assertThat(found.previousContent()).isEqualTo(SampleContent.full(ArtifactType.BRIEF));
        assertThat(history(alice, found.id())).extracting(r -> r.number() + ":" + r.source())
                .containsExactly("2:REGENERATED", "1:GENERATED");
    }

    // --- founders' changes

    @Test
    void anEditLandsWithItsRevisionAndBumpsTheRowVersion() {
        Artifact brief = generatedBrief();
        Artifact edited = brief.withEdit(SectionPath.parse("target_user"), instance.textNode("Cafés"), now);
        Artifact saved = stores.artifacts().saveEdit(edited, brief.rowVersion(), edited.editRevision(alice, SectionPath.parse("target_user")));
        assertThat(saved.rowVersion()).isGreaterThan(brief.rowVersion());
        Artifact found = stores.artifacts().findArtifact(alice, brief.id()).orElseThrow();
        assertThat(found.currentContent().get("target_user").asText()).isEqualTo("Cafés");
        assertThat(found.editedSections()).containsExactly("target_user");
        assertThat(found.hasUserEdits()).isTrue();
        assertThat(found.versionNumber()).isEqualTo(1);
        assertThat(history(alice, brief.id())).first().satisfies(r -> {
            assertThat(r.source()).isEqualTo(RevisionSource.EDITED);
            assertThat(r.actor()).isEqualTo(alice.value());
            assertThat(r.sections()).containsExactly("target_user");
            assertThat(r.content().get("target_user").asText()).isEqualTo("Cafés");
        });
    }

    @Test
    void progressIsTheArtifactsStatusForItsOwnerOnly() {
        Project project = newProject(alice);
        enqueueAll(project);
        ClaimedGeneration claim = claim("w1");
        Artifact brief = write(claim, artifact(project, ArtifactType.BRIEF));
        Artifact scope = stores.writes().recordFailed(claim.lease(),
                artifact(project, ArtifactType.MVP_SCOPE).failed(failure(), now), List.of(), now);
        assertThat(stores.artifacts().findProgress(alice, brief.id())).contains(ArtifactProgress.of(brief));
        assertThat(stores.artifacts().findProgress(alice, scope.id())).contains(ArtifactProgress.of(scope));
        assertThat(stores.artifacts().findProgress(alice, scope.id()).orElseThrow().error()).isEqualTo(failure());
        assertThat(stores.artifacts().findProgress(mallory, brief.id())).isEmpty();
        assertThat(stores.artifacts().findProgress(alice, new ArtifactId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() {
        Artifact brief = generatedBrief();
        SectionPath path = SectionPath.parse("target_user");
        Artifact first = brief.withEdit(path, instance.textNode("First"), now);
        stores.artifacts().saveEdit(first, brief.rowVersion(), first.editRevision(alice, path));
        Artifact second = brief.withEdit(path, instance.textNode("Second"), now);
        assertThatThrownBy(() -> stores.artifacts().saveEdit(second, brief.rowVersion(), second.editRevision(alice, path)))
                .isInstanceOf(StaleArtifactException.class);
        assertThat(stores.artifacts().findArtifact(alice, brief.id()).orElseThrow().currentContent().get("target_user").asText())
                .isEqualTo("First");
        assertThat(history(alice, brief.id())).hasSize(2);
    }

    @Test
    void anEditDuringGenerationIsRefused() {
        Project project = newProject(alice);
        enqueueAll(project);
        Artifact generating = artifact(project, ArtifactType.BRIEF);
        SectionPath path = SectionPath.parse("target_user");
        Artifact edited = generating.withEdit(path, instance.textNode("x"), now);
        assertThatThrownBy(() -> stores.artifacts().saveEdit(edited, generating.rowVersion(), edited.editRevision(alice, path)))
                .isInstanceOf(ArtifactBusyException.class);
    }

    @Test
    void annotationsAppendForTheOwnerOnly() {
        Artifact brief = generatedBrief();
        Artifact once = stores.artifacts().addAnnotation(alice, brief.id(), annotation("target_user", "one"));
        Artifact twice = stores.artifacts().addAnnotation(alice, brief.id(), annotation("problem_statement", "two"));
        assertThat(twice.annotations()).extracting(Annotation::note).containsExactly("one", "two");
        assertThat(twice.rowVersion()).isGreaterThan(once.rowVersion());
        assertThat(stores.artifacts().findArtifact(alice, brief.id()).orElseThrow().annotations())
                .extracting(Annotation::sectionId).containsExactly("target_user", "problem_statement");
        assertThatThrownBy(() -> stores.artifacts().addAnnotation(mallory, brief.id(), annotation("target_user", "x")))
                .isInstanceOf(NotFoundException.class);
    }

    // --- usage

    @Test
    void usageAddsUpPerUserAndDay() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        stores.usage().record(alice, today, TokenUsage.of(100, 50));
        stores.usage().record(alice, today, new TokenUsage(10, 5, 3, 2));
        stores.usage().record(alice, today.plusDays(1), TokenUsage.of(7, 0));
        stores.usage().record(mallory, today, TokenUsage.of(1_000, 0));
        assertThat(stores.usage().tokensUsed(alice, today)).isEqualTo(170);
        assertThat(stores.usage().tokensUsed(alice, today.plusDays(1))).isEqualTo(7);
        assertThat(stores.usage().tokensUsed(alice, today.minusDays(1))).isZero();
    }

    /** Claims as soon as a lease has run out, by the store's clock: real time passes, as it does between servers. */
    private ClaimedGeneration awaitClaim(String worker) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> stores.queue().claimNext(worker, Instant.now(), LEASE), Optional::isPresent).orElseThrow();
    }
}
