package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.error.ArtifactBusyException;
import io.artifactpipeline.core.error.InvalidInputException;
import io.artifactpipeline.core.error.StaleArtifactException;
import io.artifactpipeline.core.memory.InMemoryArtifactEvents;
import io.artifactpipeline.core.memory.InMemoryStore;
import io.artifactpipeline.core.model.Actor;
import io.artifactpipeline.core.model.Annotation;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactId;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.model.Page;
import io.artifactpipeline.core.model.PageRequest;
import io.artifactpipeline.core.model.ProjectId;
import io.artifactpipeline.core.model.RevisionSummary;
import io.artifactpipeline.core.model.Revision;
import io.artifactpipeline.core.model.RevisionSource;
import io.artifactpipeline.core.model.Tier;
import io.artifactpipeline.core.model.UserId;
import io.artifactpipeline.core.port.ArtifactStore;
import io.artifactpipeline.core.schema.ArtifactSchemas;
import io.artifactpipeline.core.schema.Violation;
import io.artifactpipeline.core.testing.Json;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditArtifactTest {
    private final InMemoryStore store = new InMemoryStore();
    private final TestPipeline t = TestPipeline.create(b -> b.store(store));
    private final EditArtifact editArtifact = t.pipeline().editArtifact();
    private final Project project = t.generatedProject(ALICE);

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void aTopLevelSectionIsReplacedAndTheEditRecorded() {
        Artifact brief = artifact(BRIEF);

        Artifact edited = editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", text("Chain bakeries")));

        assertThat(edited.currentContent().get("target_user").asText()).isEqualTo("Chain bakeries");
        assertThat(edited.hasUserEdits()).isTrue();
        assertThat(edited.editedSections()).containsExactly("target_user");
        assertThat(edited.versionNumber()).isEqualTo(brief.versionNumber());
        assertThat(edited.rowVersion()).isGreaterThan(brief.rowVersion());
        assertThat(edited.updatedAt()).isEqualTo(t.clock().instant());
        assertThat(artifact(BRIEF)).isEqualTo(edited);
    }

    @Test
    void aJsonPointerReplacesOneValueInsideASection() {
        Artifact scope = artifact(MVP_SCOPE);

        Artifact edited = editArtifact.edit(ALICE, EditArtifact.Command.of(scope.id(), "/core_features/1/priority", text("low")));

        assertThat(edited.currentContent().at("/core_features/1/priority").asText()).isEqualTo("low");
        assertThat(edited.currentContent().at("/core_features/1/name")).isEqualTo(scope.currentContent().at("/core_features/1/name"));
        assertThat(edited.currentContent().get("core_features").get(0)).isEqualTo(scope.currentContent().get("core_features").get(0));
        assertThat(edited.editedSections()).containsExactly("core_features");
        assertThat(edited.versionNumber()).isEqualTo(1);
    }

    @Test
    void editedSectionsListEachTopLevelKeyOnceInOrderOfFirstEdit() {
        ArtifactId id = artifact(MVP_SCOPE).id();
        editArtifact.edit(ALICE, EditArtifact.Command.of(id, "success_metrics", Json.value("['Waste down 10%']")));
        editArtifact.edit(ALICE, EditArtifact.Command.of(id, "/core_features/0/priority", text("low")));
        editArtifact.edit(ALICE, EditArtifact.Command.of(id, "/success_metrics/0", text("Waste down 20%")));

        assertThat(artifact(MVP_SCOPE).editedSections()).containsExactly("success_metrics", "core_features");
    }

    @Test
    void eachEditIsAnEditedRevisionWithItsActorSectionAndWholeContent() {
        Artifact scope = artifact(MVP_SCOPE);
        Artifact edited = editArtifact.edit(ALICE, EditArtifact.Command.of(scope.id(), "/core_features/1/priority", text("low")));

        Revision revision = t.history(ALICE, scope.id()).getFirst();

        assertThat(revision.source()).isEqualTo(RevisionSource.EDITED);
        assertThat(revision.actor()).isEqualTo(ALICE.userId().value());
        assertThat(revision.sections()).containsExactly("core_features");
        assertThat(revision.content()).isEqualTo(edited.currentContent());
        assertThat(revision.versionNumber()).isEqualTo(1);
        assertThat(revision.number()).isEqualTo(2);
    }

    @Test
    void aSectionAboveTheCallersTierCannotBeEdited() {
        Artifact brief = artifact(BRIEF);
        assertRefused(brief, "market_analysis", text("Big"), "market_analysis");
    }

    @Test
    void aBusinessSectionCanBeEditedByAPartner() {
        Actor partner = Actor.of("paula", Tier.PARTNER);
        Project partners = t.generatedProject(partner);
        Artifact brief = t.artifact(partner, partners.id(), BRIEF);

        Artifact edited = editArtifact.edit(partner, EditArtifact.Command.of(brief.id(), "market_analysis", text("Big")));

        assertThat(edited.currentContent().get("market_analysis").asText()).isEqualTo("Big");
    }

    @Test
    void anUnknownPathIsRefused() {
        Artifact brief = artifact(BRIEF);
        assertRefused(brief, "pricing", text("Free"), "pricing");
        assertRefused(brief, "/pricing", text("Free"), "/pricing");
        assertRefused(artifact(MVP_SCOPE), "/core_features/0/owner", text("Ana"),
                "/core_features/0/owner");
    }

    @Test
    void anIndexThatDoesNotExistIsRefused() {
        assertRefused(artifact(MVP_SCOPE), "/core_features/7/priority", text("low"),
                "/core_features/7/priority");
    }

    @Test
    void aValueOfTheWrongShapeIsRefused() {
        assertRefused(artifact(MVP_SCOPE), "/core_features/1/priority", text("urgent"),
                "/core_features/1/priority");
        assertRefused(artifact(BRIEF), "target_user", Json.value("42"), "/target_user");
        assertRefused(artifact(MILESTONES), "total_duration_weeks", Json.value("0"),
                "/total_duration_weeks");
    }

    @Test
    void anEditThatBreaksConsistencyIsRefused() {
        assertRefused(artifact(MILESTONES), "/milestones/0/title", text("Private pilot"),
                "/critical_path/0");
    }

    @Test
    void aMalformedPointerIsInvalidInputNotACrash() {
        Artifact brief = artifact(BRIEF);
        assertThatThrownBy(() -> editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "//target_user", text("x"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("section_path"));
        assertThat(artifact(BRIEF)).isEqualTo(brief);
    }

    @Test
    void aRequestNeedsAPathAndAValue() {
        for (String missing : new String[] {null, "", "/"}) {
            assertThatThrownBy(() -> EditArtifact.Command.of(new ArtifactId(UUID.randomUUID()), missing, text("x")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("section_path"));
        }
        assertThatThrownBy(() -> EditArtifact.Command.of(new ArtifactId(UUID.randomUUID()), "target_user", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("new_value"));
    }

    @Test
    void anEditDuringGenerationIsRefusedAsBusy() {
        t.start(ALICE, project.id(), true);
        Artifact generating = artifact(BRIEF);

        assertThatThrownBy(() -> editArtifact.edit(ALICE, EditArtifact.Command.of(generating.id(), "target_user", text("x"))))
                .isInstanceOf(ArtifactBusyException.class);
        assertThat(artifact(BRIEF)).isEqualTo(generating);
    }

    @Test
    void anEditWithAStaleExpectedRowVersionIsRefused() {
        Artifact brief = artifact(BRIEF);
        editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "key_constraint", text("Offline first")));
        Artifact current = artifact(BRIEF);

        assertThatThrownBy(() -> editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", text("Chains"), OptionalLong.of(brief.rowVersion()))))
                .isInstanceOf(StaleArtifactException.class);
        assertThat(artifact(BRIEF)).isEqualTo(current);
    }

    @Test
    void anEditWithTheCurrentRowVersionLands() {
        Artifact brief = artifact(BRIEF);
        Artifact edited = editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", text("Chains"), OptionalLong.of(brief.rowVersion())));
        assertThat(edited.currentContent().get("target_user").asText()).isEqualTo("Chains");
    }

    @Test
    void withoutAnExpectedVersionConcurrentEditsBothLand() {
        Artifact brief = artifact(BRIEF);
        EditArtifact racing = new EditArtifact(new InterferingStore(store, () -> editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "key_constraint", text("Offline first")))), new InMemoryArtifactEvents(), t.clock());

        racing.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", text("Chains")));

        Artifact after = artifact(BRIEF);
        assertThat(after.currentContent().get("key_constraint").asText()).isEqualTo("Offline first");
        assertThat(after.currentContent().get("target_user").asText()).isEqualTo("Chains");
        assertThat(after.editedSections()).containsExactly("key_constraint", "target_user");
        assertThat(t.history(ALICE, brief.id())).extracting(Revision::sections)
                .containsExactly(List.of("target_user"), List.of("key_constraint"), ArtifactSchemas.of(BRIEF).sectionKeysFor(Tier.BOOTSTRAPPER));
    }

    @Test
    void fiveFoundersEditingFiveSectionsAtOnceAllLand() throws Exception {
        Artifact brief = artifact(BRIEF);
        List<String> sections = ArtifactSchemas.of(BRIEF).sectionKeysFor(Tier.BOOTSTRAPPER);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService founders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Artifact>> edits = new ArrayList<>();
            for (String section : sections) {
                JsonNode value = section.equals("differentiation_points") ? Json.value("['Edited']") : text("Edited " + section);
                edits.add(founders.submit(() -> {
                    go.await();
                    return editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), section, value));
                }));
            }
            go.countDown();
            for (Future<Artifact> edit : edits) {
                edit.get(10, TimeUnit.SECONDS);
            }
        }

        Artifact after = artifact(BRIEF);
        assertThat(after.editedSections()).containsExactlyInAnyOrderElementsOf(sections);
        assertThat(after.currentContent().get("differentiation_points")).isEqualTo(Json.value("['Edited']"));
        sections.stream().filter(s -> !s.equals("differentiation_points"))
                .forEach(s -> assertThat(after.currentContent().get(s).asText()).isEqualTo("Edited " + s));
        assertThat(t.history(ALICE, brief.id())).hasSize(1 + sections.size());
    }

    @Test
    void withAnExpectedVersionAConcurrentEditMakesTheSecondStale() {
        Artifact brief = artifact(BRIEF);
        EditArtifact racing = new EditArtifact(new InterferingStore(store, () -> editArtifact.edit(ALICE, EditArtifact.Command.of(brief.id(), "key_constraint", text("Offline first")))), new InMemoryArtifactEvents(), t.clock());

        assertThatThrownBy(() -> racing.edit(ALICE, EditArtifact.Command.of(brief.id(), "target_user", text("Chains"), OptionalLong.of(brief.rowVersion()))))
                .isInstanceOf(StaleArtifactException.class);
        Artifact after = artifact(BRIEF);
        assertThat(after.currentContent().get("key_constraint").asText()).isEqualTo("Offline first");
        assertThat(after.currentContent().get("target_user")).isEqualTo(brief.currentContent().get("target_user"));
    }

    private void assertRefused(Artifact artifact, String sectionPath, JsonNode newValue, String violationPath) {
        int revisions = t.history(ALICE, artifact.id()).size();
        assertThatThrownBy(() -> editArtifact.edit(ALICE, EditArtifact.Command.of(artifact.id(), sectionPath, newValue)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly(violationPath));
        assertThat(t.pipeline().getArtifact().get(ALICE, artifact.id())).isEqualTo(artifact);
        assertThat(t.history(ALICE, artifact.id())).hasSize(revisions);
    }

    private Artifact artifact(ArtifactType type) {
        return t.artifact(ALICE, project.id(), type);
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }

    /** The real store, except that another edit lands just before the first save: a lost race, every time. */
    private static final class InterferingStore implements ArtifactStore {
        private final ArtifactStore delegate;
        private Runnable interference;

        InterferingStore(ArtifactStore delegate, Runnable interference) {
            this.delegate = delegate;
            this.interference = interference;
        }

        @Override
        public Artifact saveEdit(Artifact edited, long expectedRowVersion, Revision revision) {
            if (interference != null) {
                Runnable once = interference;
                interference = null;
                once.run();
            }
            return delegate.saveEdit(edited, expectedRowVersion, revision);
        }

        @Override
        public Optional<Artifact> findArtifact(UserId owner, ArtifactId id) {
            return delegate.findArtifact(owner, id);
        }

        @Override
        public List<Artifact> listByProject(UserId owner, ProjectId projectId) {
            return delegate.listByProject(owner, projectId);
        }

        @Override
        public Artifact addAnnotation(UserId owner, ArtifactId id, Annotation annotation) {
            return delegate.addAnnotation(owner, id, annotation);
        }

        @Override
        public Artifact saveRestore(Artifact restored, long expectedRowVersion, Revision revision) {
            return delegate.saveRestore(restored, expectedRowVersion, revision);
        }

        @Override
        public Page<RevisionSummary, Integer> revisionPage(UserId owner, ArtifactId id, PageRequest<Integer> request) {
            return delegate.revisionPage(owner, id, request);
        }

        @Override
        public Optional<Revision> revision(UserId owner, ArtifactId id, int number) {
            return delegate.revision(owner, id, number);
        }
    }
}
