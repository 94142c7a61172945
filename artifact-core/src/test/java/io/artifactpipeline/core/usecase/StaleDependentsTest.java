package io.artifactpipeline.core.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.artifactpipeline.core.model.Artifact;
import io.artifactpipeline.core.model.ArtifactType;
import io.artifactpipeline.core.model.Generation;
import io.artifactpipeline.core.model.GenerationItem;
import io.artifactpipeline.core.model.Project;
import io.artifactpipeline.core.port.ArtifactChange;
import io.artifactpipeline.core.port.ArtifactEvents;
import io.artifactpipeline.core.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
import static io.artifactpipeline.core.model.ArtifactType.BRIEF;
import static io.artifactpipeline.core.model.ArtifactType.HOW_IT_WORKS;
import static io.artifactpipeline.core.model.ArtifactType.MILESTONES;
import static io.artifactpipeline.core.model.ArtifactType.MVP_SCOPE;
import static io.artifactpipeline.core.model.ArtifactType.RISK_LOG;
import static io.artifactpipeline.core.testing.TestPipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class StaleDependentsTest {
    private final TestPipeline t = TestPipeline.create();
    private final Project project = t.generatedProject(ALICE);
    private final List<ArtifactChange> heard = new CopyOnWriteArrayList<>();
    private ArtifactEvents.Subscription subscription;

    @BeforeEach
    void listen() {
        subscription = t.pipeline().watchProject().watch(ALICE, project.id(), heard::add);
    }

    @AfterEach
    void close() {
        subscription.close();
        t.close();
    }

    @Test
    void eachArtifactRecordsTheDependencyRevisionsItWasWrittenFromAndNoneIsStale() {
        Map<ArtifactType, Artifact> all = t.artifacts(ALICE, project.id());
        assertThat(all.get(BRIEF).writtenFrom()).isEmpty();
        assertThat(all.get(MVP_SCOPE).writtenFrom()).containsExactly(Map.entry(BRIEF, 1));
        assertThat(all.get(MILESTONES).writtenFrom()).containsOnly(Map.entry(BRIEF, 1), Map.entry(MVP_SCOPE, 1));
        assertThat(all.values()).noneMatch(Artifact::isStale);
    }

    @Test
    void anEditOfTheBriefMakesEveryOtherArtifactStaleAndAnnouncesEachOnce() {
        edit(BRIEF, "target_user", "Cafés");
        edit(BRIEF, "problem_statement", "Waste");

        assertThat(staleTypes()).containsExactly(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(announcedStale()).containsExactlyInAnyOrder(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
    }

    @Test
    void anEditOfTheScopeMakesOnlyTheThreeAfterItStale() {
        edit(MVP_SCOPE, "out_of_scope", instance.arrayNode().add("Payments"));

        assertThat(staleTypes()).containsExactly(MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(announcedStale()).containsExactlyInAnyOrder(MILESTONES, RISK_LOG, HOW_IT_WORKS);
    }

    @Test
    void regeneratingTheBriefAloneMakesTheOthersStaleAndRegeneratingOneClearsIt() {
        regenerate(BRIEF);
        assertThat(staleTypes()).containsExactly(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(announcedStale()).containsExactlyInAnyOrder(MVP_SCOPE, MILESTONES, RISK_LOG, HOW_IT_WORKS);

        heard.clear();
        regenerate(MVP_SCOPE);

        Artifact scope = t.artifact(ALICE, project.id(), MVP_SCOPE);
        assertThat(scope.isStale()).isFalse();
        assertThat(scope.writtenFrom()).containsExactly(Map.entry(BRIEF, 2));
        assertThat(staleTypes()).containsExactly(MILESTONES, RISK_LOG, HOW_IT_WORKS);
        assertThat(announcedStale()).as("already stale: nothing new to announce").isEmpty();
    }

    @Test
    void generateWithoutForcePicksUpStaleArtifactsButNotStaleOnesWithEdits() {
        edit(RISK_LOG, "market_risks", instance.arrayNode());
        edit(BRIEF, "target_user", "Cafés");

        Generation generation = t.start(ALICE, project.id(), false);
        assertThat(generation.items()).extracting(GenerationItem::type)
                .containsExactly(MVP_SCOPE, MILESTONES, HOW_IT_WORKS);
        t.run(ALICE, generation);

        assertThat(staleTypes()).containsExactly(RISK_LOG);
        assertThat(t.artifact(ALICE, project.id(), MILESTONES).writtenFrom())
                .containsOnly(Map.entry(BRIEF, 2), Map.entry(MVP_SCOPE, 2));
        assertThat(t.artifact(ALICE, project.id(), RISK_LOG).editedSections()).containsExactly("market_risks");
    }

    @Test
    void aFullGenerationAnnouncesNothingStale() {
        t.run(ALICE, t.start(ALICE, project.id(), true));
        assertThat(staleTypes()).isEmpty();
        assertThat(announcedStale()).isEmpty();
    }

    private void edit(ArtifactType type, String section, String text) {
        edit(type, section, TextNode.valueOf(text));
    }

    private void edit(ArtifactType type, String section, JsonNode node) {
        t.pipeline().editArtifact().edit(ALICE,
                EditArtifact.Command.of(t.artifact(ALICE, project.id(), type).id(), section, node));
    }

    private void regenerate(ArtifactType type) {
        t.pipeline().regenerateArtifact().regenerate(ALICE,
                new RegenerateArtifact.Command(t.artifact(ALICE, project.id(), type).id(), true));
        t.pipeline().worker().drain();
    }

    private List<ArtifactType> staleTypes() {
        return t.artifacts(ALICE, project.id()).values().stream().filter(Artifact::isStale).map(Artifact::type).toList();
    }

    private List<ArtifactType> announcedStale() {
        return heard.stream().filter(change -> change.kind() == ArtifactChange.Kind.STALE).map(ArtifactChange::type).toList();
    }
}
